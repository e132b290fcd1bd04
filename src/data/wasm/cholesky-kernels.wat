;; Kernels of the WebAssembly Cholesky factorisation (src/core/linalg/cholesky.ts, loaded by cholesky-wasm.ts): the same
;; arithmetic as the JavaScript code there, operation for operation, so the factors are the same
;; to the bit. In `block` the two columns j and j + 1 of each row go in the two lanes of a vector
;; (each lane's running sum takes the same products in the same order as the scalar code; a
;; vector multiply and subtract round each lane as the scalar ones do). Row-major n × n matrices
;; of doubles at byte offsets $a (the input, lower triangle read) and $l (the factor). Each
;; export does one block of rows per call, so the engine's tiered compiler optimises it after
;; the first calls. Compiled to cholesky-kernels.wasm by scripts/build-wasm.mjs.
(module
  (memory (export "memory") 1)

  ;; L_ij for rows i0..i0+3 and every column j < i0 (i0 a multiple of 4), two columns at a time.
  (func (export "block") (param $a i32) (param $l i32) (param $n i32) (param $i0 i32)
    (local $rowBytes i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $j i32) (local $k i32) (local $rj i32) (local $rk i32) (local $kEnd i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $ab v128)
    (local $ljj f64) (local $lkk f64) (local $b f64) (local $y f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $r0 (i32.mul (local.get $i0) (local.get $rowBytes)))
    (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
    (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
    (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
    (local.set $j (i32.const 0))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $i0)))
      (local.set $rj (i32.mul (local.get $j) (local.get $rowBytes)))
      (local.set $rk (i32.add (local.get $rj) (local.get $rowBytes)))
      ;; [s_r0, s_r1] = A[r][j], A[r][j + 1]
      (local.set $s0 (v128.load (i32.add (local.get $a) (i32.add (local.get $r0) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $s1 (v128.load (i32.add (local.get $a) (i32.add (local.get $r1) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $s2 (v128.load (i32.add (local.get $a) (i32.add (local.get $r2) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $s3 (v128.load (i32.add (local.get $a) (i32.add (local.get $r3) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $k (i32.const 0))
      (local.set $kEnd (i32.shl (local.get $j) (i32.const 3)))
      (block $kd (loop $kl
        (br_if $kd (i32.ge_u (local.get $k) (local.get $kEnd)))
        ;; [a, b] = L[j][k], L[j + 1][k]
        (local.set $ab
          (v128.load64_lane 1
            (i32.add (local.get $l) (i32.add (local.get $rk) (local.get $k)))
            (v128.load64_splat (i32.add (local.get $l) (i32.add (local.get $rj) (local.get $k))))))
        (local.set $s0 (f64x2.sub (local.get $s0)
          (f64x2.mul (v128.load64_splat (i32.add (local.get $l) (i32.add (local.get $r0) (local.get $k)))) (local.get $ab))))
        (local.set $s1 (f64x2.sub (local.get $s1)
          (f64x2.mul (v128.load64_splat (i32.add (local.get $l) (i32.add (local.get $r1) (local.get $k)))) (local.get $ab))))
        (local.set $s2 (f64x2.sub (local.get $s2)
          (f64x2.mul (v128.load64_splat (i32.add (local.get $l) (i32.add (local.get $r2) (local.get $k)))) (local.get $ab))))
        (local.set $s3 (f64x2.sub (local.get $s3)
          (f64x2.mul (v128.load64_splat (i32.add (local.get $l) (i32.add (local.get $r3) (local.get $k)))) (local.get $ab))))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $kl)))
      (local.set $ljj (f64.load (i32.add (local.get $l) (i32.add (local.get $rj) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $b (f64.load (i32.add (local.get $l) (i32.add (local.get $rk) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $lkk (f64.load offset=8 (i32.add (local.get $l) (i32.add (local.get $rk) (i32.shl (local.get $j) (i32.const 3))))))
      ;; L[r][j] = s_r0 / L[j][j]; L[r][j + 1] = (s_r1 − L[r][j]·L[j + 1][j]) / L[j + 1][j + 1]
      (local.set $k (i32.add (local.get $l) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $y (f64.div (f64x2.extract_lane 0 (local.get $s0)) (local.get $ljj)))
      (f64.store (i32.add (local.get $k) (local.get $r0)) (local.get $y))
      (f64.store offset=8 (i32.add (local.get $k) (local.get $r0))
        (f64.div (f64.sub (f64x2.extract_lane 1 (local.get $s0)) (f64.mul (local.get $y) (local.get $b))) (local.get $lkk)))
      (local.set $y (f64.div (f64x2.extract_lane 0 (local.get $s1)) (local.get $ljj)))
      (f64.store (i32.add (local.get $k) (local.get $r1)) (local.get $y))
      (f64.store offset=8 (i32.add (local.get $k) (local.get $r1))
        (f64.div (f64.sub (f64x2.extract_lane 1 (local.get $s1)) (f64.mul (local.get $y) (local.get $b))) (local.get $lkk)))
      (local.set $y (f64.div (f64x2.extract_lane 0 (local.get $s2)) (local.get $ljj)))
      (f64.store (i32.add (local.get $k) (local.get $r2)) (local.get $y))
      (f64.store offset=8 (i32.add (local.get $k) (local.get $r2))
        (f64.div (f64.sub (f64x2.extract_lane 1 (local.get $s2)) (f64.mul (local.get $y) (local.get $b))) (local.get $lkk)))
      (local.set $y (f64.div (f64x2.extract_lane 0 (local.get $s3)) (local.get $ljj)))
      (f64.store (i32.add (local.get $k) (local.get $r3)) (local.get $y))
      (f64.store offset=8 (i32.add (local.get $k) (local.get $r3))
        (f64.div (f64.sub (f64x2.extract_lane 1 (local.get $s3)) (f64.mul (local.get $y) (local.get $b))) (local.get $lkk)))
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $jl))))

  ;; L_ij of row i for every column j < until (one row at a time).
  (func (export "row") (param $a i32) (param $l i32) (param $n i32) (param $i i32) (param $until i32)
    (local $ri i32) (local $rj i32) (local $j i32) (local $k i32) (local $s f64)
    (local.set $ri (i32.mul (local.get $i) (i32.shl (local.get $n) (i32.const 3))))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $until)))
      (local.set $rj (i32.mul (local.get $j) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $s (f64.load (i32.add (local.get $a) (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))))
      (local.set $k (i32.const 0))
      (block $kd (loop $kl
        (br_if $kd (i32.ge_u (local.get $k) (local.get $j)))
        (local.set $s (f64.sub (local.get $s)
          (f64.mul (f64.load (i32.add (local.get $l) (i32.add (local.get $ri) (i32.shl (local.get $k) (i32.const 3)))))
                   (f64.load (i32.add (local.get $l) (i32.add (local.get $rj) (i32.shl (local.get $k) (i32.const 3))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $kl)))
      (f64.store (i32.add (local.get $l) (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
        (f64.div (local.get $s) (f64.load (i32.add (local.get $l) (i32.add (local.get $rj) (i32.shl (local.get $j) (i32.const 3)))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl))))

  ;; The entries of rows [i0, i1) in columns [i0, i]: 0 when every pivot is positive, else
  ;; 1 + the row of the first failing pivot, negated when it was not finite.
  (func (export "diagonal") (param $a i32) (param $l i32) (param $n i32) (param $i0 i32) (param $i1 i32) (result i32)
    (local $i i32) (local $j i32) (local $k i32) (local $ri i32) (local $rj i32) (local $s f64)
    (local.set $i (local.get $i0))
    (block $id (loop $il
      (br_if $id (i32.ge_u (local.get $i) (local.get $i1)))
      (local.set $ri (i32.mul (local.get $i) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $j (local.get $i0))
      (block $jd (loop $jl
        (br_if $jd (i32.gt_u (local.get $j) (local.get $i)))
        (local.set $rj (i32.mul (local.get $j) (i32.shl (local.get $n) (i32.const 3))))
        (local.set $s (f64.load (i32.add (local.get $a) (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))))
        (local.set $k (i32.const 0))
        (block $kd (loop $kl
          (br_if $kd (i32.ge_u (local.get $k) (local.get $j)))
          (local.set $s (f64.sub (local.get $s)
            (f64.mul (f64.load (i32.add (local.get $l) (i32.add (local.get $ri) (i32.shl (local.get $k) (i32.const 3)))))
                     (f64.load (i32.add (local.get $l) (i32.add (local.get $rj) (i32.shl (local.get $k) (i32.const 3))))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kl)))
        (if (i32.eq (local.get $i) (local.get $j))
          (then
            ;; not finite: s − s is NaN for ±Infinity and NaN
            (if (f64.ne (f64.sub (local.get $s) (local.get $s)) (f64.const 0))
              (then (return (i32.sub (i32.const -1) (local.get $i)))))
            (if (f64.le (local.get $s) (f64.const 0))
              (then (return (i32.add (i32.const 1) (local.get $i)))))
            (f64.store (i32.add (local.get $l) (i32.add (local.get $ri) (i32.shl (local.get $i) (i32.const 3))))
              (f64.sqrt (local.get $s))))
          (else
            (f64.store (i32.add (local.get $l) (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
              (f64.div (local.get $s)
                (f64.load (i32.add (local.get $l) (i32.add (local.get $rj) (i32.shl (local.get $j) (i32.const 3)))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il)))
    (i32.const 0))
)
