/* pdw-card-pdf.c (being written this session; replaced by its owner) */
#include "config.h"

#include "pdw-card-pdf.h"
