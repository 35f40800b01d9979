/* Nothing to compile: SwiftPM wants a source file in a C target (include/CSQLite.h). */
#include "CSQLite.h"
