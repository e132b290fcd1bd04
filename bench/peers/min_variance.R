# Peer for bench/optimize-e2e.bench.ts: long-only, fully invested minimum variance with
# read.csv and quadprog::solve.QP. Prints the weights as JSON. Usage: Rscript min_variance.R FILE
suppressMessages(library(quadprog))
args <- commandArgs(trailingOnly = TRUE)
r <- read.csv(args[1], row.names = 1, check.names = FALSE)
r <- r[complete.cases(r), ]
S <- cov(r) * 252
n <- ncol(S)
sol <- solve.QP(Dmat = 2 * S, dvec = rep(0, n), Amat = cbind(rep(1, n), diag(n)),
                bvec = c(1, rep(0, n)), meq = 1)
w <- sol$solution
cat("{\"weights\":{", paste0("\"", colnames(r), "\":", format(w, digits = 17), collapse = ","), "}}\n", sep = "")
