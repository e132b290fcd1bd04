/**
 * The formula, in words, behind every metric of {@link MetricSet} — printed by
 * `ballast analyze` next to the numbers. k = periods per year, rf = the annual risk-free rate
 * converted per period as (1 + rf)^(1/k) − 1, r = per-period simple returns, b = benchmark.
 */
export const METRIC_CONVENTIONS = {
  totalReturn: 'product of (1 + r) minus 1 over all periods',
  annualizedReturn: 'geometric: (product of (1 + r))^(k / n) - 1 on the observation count n',
  annualizedVolatility: 'sample standard deviation (divisor n - 1) times sqrt(k)',
  sharpe:
    'mean(r - rf) / sample stdev(r) * sqrt(k), rf per period = (1 + rf annual)^(1/k) - 1; null on zero variance',
  sortino:
    '(mean(r) - MAR) * k / (downside deviation * sqrt(k)); MAR = rf per period unless given (empyrical sortino_ratio with required_return = rf)',
  downsideDeviation:
    'per period: sqrt(mean over ALL n periods of min(r - MAR, 0)^2) (PerformanceAnalytics DownsideDeviation method "full"); not annualised',
  calmar: 'annualized geometric return / max drawdown depth over the whole sample',
  omega: 'sum of max(r - L, 0) / sum of max(L - r, 0), threshold L per period (default 0)',
  ulcerIndex:
    'sqrt(mean of squared drawdowns) over the n periods, drawdowns as decimals from the running peak including the start value (PerformanceAnalytics UlcerIndex)',
  maxDrawdown:
    'max over t of 1 - W_t / max_{s<=t} W_s on wealth W_0 = 1, W_t = W_{t-1}(1 + r_t): the start value counts as a peak',
  maxDrawdownPeak:
    'date of the running peak before the maximum drawdown ("start" = the start value)',
  maxDrawdownTrough: 'date of the lowest wealth of the maximum drawdown',
  maxDrawdownRecovery: 'first date wealth is back at or above the peak; null when not recovered',
  varHistorical:
    '-quantile(r, 1 - confidence) with linear interpolation (type 7, numpy default); positive = loss, per period',
  cvarHistorical: '-mean of the returns at or below -varHistorical (tail mean); per period',
  varGaussian: '-(mean + z * sample stdev), z = standard normal quantile at 1 - confidence',
  varCornishFisher:
    '-(mean + z_cf * sample stdev), z_cf = Cornish-Fisher expansion of z with skew m3/s^3 and excess kurtosis m4/s^4 - 3, s the n - 1 stdev (PerformanceAnalytics VaR method "modified")',
  cvarCornishFisher:
    'modified expected shortfall (Boudt, Peterson & Croux 2008; PerformanceAnalytics ES method "modified", operational): -mean - sigma * min(E_G, h), population moments (sigma = sqrt(m2), skew m3/m2^1.5, excess kurtosis m4/m2^2 - 3), h = Cornish-Fisher quantile at 1 - confidence, E_G = -phi(h)(1 + h^3 S/6 + (h^6 - 9h^4 + 9h^2 + 3) S^2/72 + (h^4 - 2h^2 - 1) K/24) / (1 - confidence); per period',
  skewness: 'sample-adjusted G1 = g1 * sqrt(n(n-1)) / (n-2), g1 = m3 / m2^1.5 (Excel SKEW)',
  excessKurtosis:
    'sample-adjusted G2 = ((n+1) g2 + 6)(n-1) / ((n-2)(n-3)), g2 = m4/m2^2 - 3 (Excel KURT)',
  beta: 'cov(r, b) / var(b) on aligned dates (CAPM.beta); null without a benchmark',
  alpha:
    "Jensen's alpha, annualised: R_p - R_f - beta (R_b - R_f) with geometric annualised returns and R_f = (1 + rf per period)^k - 1 (PerformanceAnalytics CAPM.jensenAlpha)",
  trackingError: 'sample stdev(r - b) * sqrt(k)',
  informationRatio:
    '(annualized geometric return of r - that of b) / tracking error (PerformanceAnalytics InformationRatio)',
  upCapture: 'mean(r where b > 0) / mean(b where b > 0) (UpDownRatios method "Capture")',
  downCapture: 'mean(r where b < 0) / mean(b where b < 0) (UpDownRatios method "Capture")',
} as const;

/** A metric name of the CLI contract. */
export type MetricName = keyof typeof METRIC_CONVENTIONS;
