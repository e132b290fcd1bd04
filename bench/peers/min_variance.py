"""Peer for bench/optimize-e2e.bench.ts: long-only, fully invested minimum variance with
pandas (read_csv) and cvxopt (solvers.qp), the way a notebook user would write it.
Prints {"weights": {...}} as JSON. Usage: python3 min_variance.py RETURNS.csv"""
import json
import sys

import numpy as np
import pandas as pd
from cvxopt import matrix, solvers

returns = pd.read_csv(sys.argv[1], index_col=0, parse_dates=True).dropna()
cov = returns.cov().values * 252  # sample covariance (ddof = 1), annualised
n = cov.shape[0]
solvers.options["show_progress"] = False
solvers.options["abstol"] = 1e-12
solvers.options["reltol"] = 1e-12
solvers.options["feastol"] = 1e-12
sol = solvers.qp(
    matrix(2 * cov), matrix(np.zeros(n)),
    matrix(-np.eye(n)), matrix(np.zeros(n)),
    matrix(np.ones((1, n))), matrix(1.0),
)
w = np.array(sol["x"]).ravel()
print(json.dumps({"weights": dict(zip(returns.columns, w.tolist()))}))
