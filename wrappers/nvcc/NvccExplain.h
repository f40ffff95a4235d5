// nvcc's explain analyser (NvccExplain.cpp).
#pragma once

#include "Explainer.h"

namespace cuwrap::nvcc {
const explain::Explainer &explainer();
}
