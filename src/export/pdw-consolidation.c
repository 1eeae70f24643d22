/* pdw-consolidation.c (being written this session; replaced by its owner) */
#include "config.h"

#include "pdw-consolidation.h"
