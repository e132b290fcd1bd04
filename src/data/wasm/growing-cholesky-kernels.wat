;; Kernels of the growing Cholesky factor of the active-set QP (src/core/qp/growing-cholesky.ts,
;; loaded by growing-cholesky-wasm.ts): the loops of its append, remove and triangular solves,
;; operation for operation as the JavaScript code there does them, so the factor and every
;; solution are the same to the bit. The factor is row-major with row stride $s at byte 0 of
;; memory; the vector the kernels read and write follows it at byte $v. `hypot` is the
;; engine's Math.hypot (imported, so the rank-one update rounds as the JavaScript one does).
;; Compiled to growing-cholesky-kernels.wasm by scripts/build-wasm.mjs.
(module
  (import "env" "hypot" (func $hypot (param f64 f64) (result f64)))
  (memory (export "memory") 1)

  ;; Row k of the factor from the column in the vector: for i < k,
  ;; L_ki = (c_i − Σ_{j<i} L_ij·L_kj) / L_ii; returns Σ L_ki² (summed in order of i).
  (func (export "appendRow") (param $s i32) (param $v i32) (param $k i32) (result f64)
    (local $i i32) (local $j i32) (local $ri i32) (local $row i32) (local $x f64) (local $sum f64)
    (local.set $row (i32.mul (local.get $k) (i32.shl (local.get $s) (i32.const 3))))
    (block $id (loop $il
      (br_if $id (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $ri (i32.mul (local.get $i) (i32.shl (local.get $s) (i32.const 3))))
      (local.set $x (f64.load (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $j (i32.const 0))
      (block $jd (loop $jl
        (br_if $jd (i32.ge_u (local.get $j) (local.get $i)))
        (local.set $x (f64.sub (local.get $x)
          (f64.mul (f64.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
                   (f64.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $x (f64.div (local.get $x) (f64.load (i32.add (local.get $ri) (i32.shl (local.get $i) (i32.const 3))))))
      (f64.store (i32.add (local.get $row) (i32.shl (local.get $i) (i32.const 3))) (local.get $x))
      (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $x) (local.get $x))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il)))
    (local.get $sum))

  ;; The vector b ← L⁻¹b on its first k entries (forward substitution, row by row).
  (func (export "solveLower") (param $s i32) (param $v i32) (param $k i32)
    (local $i i32) (local $j i32) (local $ri i32) (local $x f64)
    (block $id (loop $il
      (br_if $id (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $ri (i32.mul (local.get $i) (i32.shl (local.get $s) (i32.const 3))))
      (local.set $x (f64.load (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $j (i32.const 0))
      (block $jd (loop $jl
        (br_if $jd (i32.ge_u (local.get $j) (local.get $i)))
        (local.set $x (f64.sub (local.get $x)
          (f64.mul (f64.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
                   (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (f64.store (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))
        (f64.div (local.get $x) (f64.load (i32.add (local.get $ri) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il))))

  ;; The vector b ← L⁻ᵀb on its first k entries (column-oriented back substitution); the
  ;; updates b_j −= L_ij·b_i of one column are independent, two at a time in a vector.
  (func (export "solveUpper") (param $s i32) (param $v i32) (param $k i32)
    (local $i i32) (local $j i32) (local $ri i32) (local $x f64) (local $xx v128) (local $p i32)
    (local.set $i (local.get $k))
    (block $id (loop $il
      (br_if $id (i32.eqz (local.get $i)))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (local.set $ri (i32.mul (local.get $i) (i32.shl (local.get $s) (i32.const 3))))
      (local.set $p (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $x (f64.div (f64.load (local.get $p))
                             (f64.load (i32.add (local.get $ri) (i32.shl (local.get $i) (i32.const 3))))))
      (f64.store (local.get $p) (local.get $x))
      (local.set $xx (f64x2.splat (local.get $x)))
      (local.set $j (i32.const 0))
      (block $jd (loop $jl
        (br_if $jd (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $i)))
        (local.set $p (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store (local.get $p)
          (f64x2.sub (v128.load (local.get $p))
            (f64x2.mul (v128.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
                       (local.get $xx))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $jl)))
      (if (i32.lt_u (local.get $j) (local.get $i))
        (then
          (local.set $p (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3))))
          (f64.store (local.get $p)
            (f64.sub (f64.load (local.get $p))
              (f64.mul (f64.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
                       (local.get $x))))))
      (br $il))))

  ;; The rank-one update of `remove` on the trailing block (rows and columns q… of the factor,
  ;; `tail` of them) by the vector v: for each column j, r = hypot(L_jj, v_j), c = r/L_jj,
  ;; s = v_j/L_jj, L_jj = r; below it L_ij = (L_ij + s·v_i)/c and v_i = c·v_i − s·L_ij.
  (func (export "rankOneUpdate") (param $s i32) (param $v i32) (param $q i32) (param $tail i32)
    (local $j i32) (local $i i32) (local $jj i32) (local $ij i32) (local $ljj f64) (local $vj f64)
    (local $r f64) (local $c f64) (local $sn f64) (local $lij f64) (local $vi i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $s) (i32.const 3)))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $tail)))
      (local.set $jj (i32.shl (i32.add (i32.mul (i32.add (local.get $q) (local.get $j)) (local.get $s))
                                       (i32.add (local.get $q) (local.get $j))) (i32.const 3)))
      (local.set $ljj (f64.load (local.get $jj)))
      (local.set $vj (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $r (call $hypot (local.get $ljj) (local.get $vj)))
      (local.set $c (f64.div (local.get $r) (local.get $ljj)))
      (local.set $sn (f64.div (local.get $vj) (local.get $ljj)))
      (f64.store (local.get $jj) (local.get $r))
      (local.set $i (i32.add (local.get $j) (i32.const 1)))
      (local.set $ij (i32.add (local.get $jj) (local.get $rowBytes)))
      (block $id (loop $il
        (br_if $id (i32.ge_u (local.get $i) (local.get $tail)))
        (local.set $vi (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $lij (f64.div (f64.add (f64.load (local.get $ij))
                                          (f64.mul (local.get $sn) (f64.load (local.get $vi))))
                                 (local.get $c)))
        (f64.store (local.get $ij) (local.get $lij))
        (f64.store (local.get $vi) (f64.sub (f64.mul (local.get $c) (f64.load (local.get $vi)))
                                            (f64.mul (local.get $sn) (local.get $lij))))
        (local.set $ij (i32.add (local.get $ij) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $il)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl))))
)
