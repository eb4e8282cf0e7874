#ifndef DDBMODEL_CLIBEDIT_SHIM_H
#define DDBMODEL_CLIBEDIT_SHIM_H
#include <histedit.h>
#endif
