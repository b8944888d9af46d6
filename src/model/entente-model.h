#pragma once

#include "entente-pack.h"
#include "entente-pack-loader.h"
#include "entente-report.h"
#include "entente-text.h"
#include "entente-iso3166.h"
