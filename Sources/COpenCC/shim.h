// OpenCC's C API only: opencc_open, opencc_convert_utf8, opencc_close, opencc_error.
#include <opencc.h>
