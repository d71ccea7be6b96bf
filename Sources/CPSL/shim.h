#ifndef SITEGEN_CPSL_SHIM_H
#define SITEGEN_CPSL_SHIM_H

// libpsl exports plain, unversioned C names and simple macros, all of which
// Swift imports directly; this header only gives the system-library target
// its single entry point.
#include <libpsl.h>

#endif
