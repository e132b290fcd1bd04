"""Peer of `ballast simulate` for bench/simulate.bench.ts: the same Monte Carlo in vectorised
numpy (numpy's PCG64 instead of Ballast's xoshiro streams, so the numbers differ by sampling
error only). i.i.d. bootstrap of the rows of a wide returns CSV, fixed weights rebalanced every
period, an annual withdrawal at the end of each 12th period (depleted when it cannot be paid),
year-end percentiles, max drawdown of the return index and the per-path maximum sustainable
withdrawal rate; vectorised across paths, one loop over periods.

Usage: python3 simulate_numpy.py RETURNS.csv PATHS YEARS INITIAL AMOUNT SEED W1 W2 ...
"""
import sys

import numpy as np


def main() -> None:
    path, paths, years, initial, amount, seed = sys.argv[1:7]
    weights = np.array([float(w) for w in sys.argv[7:]])
    paths, years, initial, amount = int(paths), int(years), float(initial), float(amount)
    data = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, 1 + len(weights)))
    history = data @ weights
    ppy, periods = 12, years * 12
    rng = np.random.default_rng(int(seed))
    g = 1 + history[rng.integers(0, history.size, size=(paths, periods))]
    value = np.full(paths, initial)
    alive = np.ones(paths, dtype=bool)
    year_values = np.empty((years + 1, paths))
    year_values[0] = initial
    growth = np.ones(paths)
    owed = np.zeros(paths)
    min_ratio = np.full(paths, np.inf)
    for t in range(1, periods + 1):
        value *= g[:, t - 1]
        growth *= g[:, t - 1]
        owed *= g[:, t - 1]
        if t % ppy == 0:
            fail = alive & (value < amount)
            alive &= ~fail
            value = np.where(alive, value - amount, 0.0)
            owed += 1
            np.minimum(min_ratio, growth / owed, out=min_ratio)
            year_values[t // ppy] = value
    index = np.cumprod(g, axis=1)
    drawdown = 1 - index / np.maximum.accumulate(np.maximum(index, 1), axis=1)
    max_dd = drawdown.max(axis=1)
    rate = np.maximum(min_ratio, 0)
    q = np.percentile(year_values, [5, 25, 50, 75, 95], axis=1)
    print(
        f"median terminal {q[2, -1]:.2f} success {alive.mean():.4f} "
        f"maxDD p95 {np.percentile(max_dd, 95):.4f} swr p95 {np.percentile(rate, 5):.4f}"
    )


main()
