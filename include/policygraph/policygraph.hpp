// SPDX-License-Identifier: MIT
// The whole public interface of policygraph in one include.
#pragma once

#include "policygraph/communities.hpp"
#include "policygraph/date.hpp"
#include "policygraph/diagnostics.hpp"
#include "policygraph/evolution.hpp"
#include "policygraph/export.hpp"
#include "policygraph/graph.hpp"
#include "policygraph/influence.hpp"
#include "policygraph/lineage.hpp"
#include "policygraph/loader.hpp"
#include "policygraph/metrics.hpp"
#include "policygraph/record.hpp"
#include "policygraph/report.hpp"
#include "policygraph/version.hpp"
