// PlaybookReplication: the values behind replication: templates and their placeholders,
// lineage records, content hashes, line diffs and three-way merges.
//
// Entry points: `ReplicationTemplate.all(in:)`, `Placeholders`, `Lineage`, `LineDiff`, `SHA`.
//
// Must not: touch the disk: pure, site files in, values out.
