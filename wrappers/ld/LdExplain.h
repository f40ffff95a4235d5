// The linker's explain analyser (LdExplain.cpp).
#pragma once

#include "Explainer.h"

namespace cuwrap::ld {
const explain::Explainer &explainer();
}
