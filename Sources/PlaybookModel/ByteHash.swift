/// Two independent 64-bit hashes of a run of bytes, eight bytes at a time: each lane multiplies
/// and folds with its own constants and ends with a 64-bit avalanche. The first lane is what the
/// output manifest records of each file; the pair is what the engine's cache keys a page by. Not
/// for adversaries: it tells bytes that changed from bytes that did not (whoever forges a
/// collision fools only the checks of their own page or file).
package enum ByteHash {
    package static func pair(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let k1: UInt64 = 0x9E37_79B9_7F4A_7C15
        let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var h1: UInt64 = 0x6A09_E667_F3BC_C908 ^ UInt64(bytes.count)
        var h2: UInt64 = 0xBB67_AE85_84CA_A73B &+ UInt64(bytes.count)
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h1 = (h1 ^ word) &* k1
            h1 ^= h1 >> 32
            h2 = (h2 &+ word) &* k2
            h2 ^= h2 >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h1 = (h1 ^ tail) &* k1
        h2 = (h2 &+ tail ^ 0xFF) &* k2
        return (avalanche(h1), avalanche(h2 ^ 0x5851_F42D_4C95_7F2D))
    }

    static func avalanche(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
