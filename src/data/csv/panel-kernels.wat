;; Kernels of the WebAssembly returns-panel reader (src/data/csv/wasm-panel.ts): a numeric CSV
;; `YYYY-MM-DD,x1,...,xw` parsed from its bytes into row-major doubles, the columns transposed
;; and centred, and the centred cross-products X'X. Compiled to panel-kernels.wasm by
;; scripts/build-wasm.mjs. Each export does a slice of the work per call (a batch of rows,
;; columns or Gram rows) so the engine's tiered compiler optimises it after the first calls.
;;
;; Numbers are read exactly as src/data/csv/decimal.ts reads them (the value Number() gives):
;; up to 15 significant digits times or over an exact power of ten (Clinger's fast path); 16 to
;; 19 digits over a power of ten in double-double arithmetic (Dekker) unless the quotient lies
;; too near a tie; everything else through the imported `slow` (Number() of the cell's text).
;; The parser accepts a strict subset of what the JavaScript reader accepts and stops with a
;; negative code at anything else; the caller then reads the file with that reader.
(module
  (import "env" "slow" (func $slow (param i32 i32) (result f64)))
  (memory (export "memory") 1)
  ;; Where the last cell or batch of rows ended (-1: not a decimal).
  (global $next (mut i32) (i32.const 0))
  (func (export "next") (result i32) (global.get $next))

  ;; 10^k for k = 0..22 at bytes [0, 184): exact doubles, each the previous × 10.
  (func (export "init")
    (local $k i32) (local $v f64)
    (local.set $v (f64.const 1))
    (loop $l
      (f64.store (i32.shl (local.get $k) (i32.const 3)) (local.get $v))
      (local.set $v (f64.mul (local.get $v) (f64.const 10)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $k) (i32.const 23)))))

  (func $pow10 (param $p i32) (result f64)
    (f64.load (i32.shl (local.get $p) (i32.const 3))))

  ;; Half the spacing of doubles at x > 0, or NaN when x is too small.
  (func $halfUlp (param $x f64) (result f64)
    (local $e i64)
    (local.set $e (i64.and (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 52)) (i64.const 0x7ff)))
    (if (result f64) (i64.le_u (local.get $e) (i64.const 53))
      (then (f64.const nan))
      (else (f64.reinterpret_i64 (i64.shl (i64.sub (local.get $e) (i64.const 53)) (i64.const 52))))))

  ;; Dekker's splitter: the high half of x.
  (func $hi (param $x f64) (result f64)
    (local $t f64)
    (local.set $t (f64.mul (local.get $x) (f64.const 134217729)))
    (f64.sub (local.get $t) (f64.sub (local.get $t) (local.get $x))))

  ;; m / 10^power correctly rounded (m < 10^19, power <= 22), NaN when too near a tie.
  (func $divideExact (param $m i64) (param $power i32) (result f64)
    (local $mh f64) (local $ml f64) (local $d f64) (local $q1 f64) (local $th f64)
    (local $ch f64) (local $cl f64) (local $dh f64) (local $dl f64) (local $tl f64)
    (local $q2 f64) (local $r f64) (local $off f64) (local $half f64)
    (local.set $mh (f64.convert_i64_u (local.get $m)))
    (local.set $ml (f64.convert_i64_s (i64.sub (local.get $m) (i64.trunc_f64_u (local.get $mh)))))
    (local.set $d (call $pow10 (local.get $power)))
    (local.set $q1 (f64.div (local.get $mh) (local.get $d)))
    (local.set $th (f64.mul (local.get $q1) (local.get $d)))
    (local.set $ch (call $hi (local.get $q1)))
    (local.set $cl (f64.sub (local.get $q1) (local.get $ch)))
    (local.set $dh (call $hi (local.get $d)))
    (local.set $dl (f64.sub (local.get $d) (local.get $dh)))
    (local.set $tl
      (f64.add
        (f64.add
          (f64.add
            (f64.sub (f64.mul (local.get $ch) (local.get $dh)) (local.get $th))
            (f64.mul (local.get $ch) (local.get $dl)))
          (f64.mul (local.get $cl) (local.get $dh)))
        (f64.mul (local.get $cl) (local.get $dl))))
    (local.set $q2
      (f64.div
        (f64.add (f64.sub (f64.sub (local.get $mh) (local.get $th)) (local.get $tl)) (local.get $ml))
        (local.get $d)))
    (local.set $r (f64.add (local.get $q1) (local.get $q2)))
    (local.set $off (f64.abs (f64.sub (local.get $q2) (f64.sub (local.get $r) (local.get $q1)))))
    (local.set $half (call $halfUlp (local.get $r)))
    (if (result f64)
      (f64.gt (f64.abs (f64.sub (local.get $off) (local.get $half)))
              (f64.mul (local.get $half) (f64.const 0x1p-40)))
      (then (local.get $r))
      (else (f64.const nan))))

  ;; The decimal at $pos; $next = where it ended, -1 when the text there is not a decimal.
  (func $cell (param $pos i32) (result f64)
    (local $start i32) (local $c i32) (local $neg i32) (local $m i64) (local $sig i32)
    (local $digits i32) (local $intStart i32) (local $fstart i32) (local $frac i32)
    (local $e i32) (local $en i32) (local $ed i32) (local $p i32) (local $v f64)
    (local.set $start (local.get $pos))
    (local.set $c (i32.load8_u (local.get $pos)))
    (if (i32.eq (local.get $c) (i32.const 45))
      (then (local.set $neg (i32.const 1))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
            (local.set $c (i32.load8_u (local.get $pos))))
      (else (if (i32.eq (local.get $c) (i32.const 43))
        (then (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
              (local.set $c (i32.load8_u (local.get $pos)))))))
    (local.set $intStart (local.get $pos))
    (block $z (loop $l
      (br_if $z (i32.ne (local.get $c) (i32.const 48)))
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (local.set $c (i32.load8_u (local.get $pos)))
      (br $l)))
    (block $d (loop $l
      (br_if $d (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
      (if (i32.lt_u (local.get $sig) (i32.const 19))
        (then (local.set $m (i64.add (i64.mul (local.get $m) (i64.const 10))
                                     (i64.extend_i32_u (i32.sub (local.get $c) (i32.const 48)))))))
      (local.set $sig (i32.add (local.get $sig) (i32.const 1)))
      (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
      (local.set $c (i32.load8_u (local.get $pos)))
      (br $l)))
    (local.set $digits (i32.sub (local.get $pos) (local.get $intStart)))
    (if (i32.eq (local.get $c) (i32.const 46))
      (then
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (local.set $c (i32.load8_u (local.get $pos)))
        (local.set $fstart (local.get $pos))
        (if (i32.eqz (local.get $sig))
          (then (block $z (loop $l
            (br_if $z (i32.ne (local.get $c) (i32.const 48)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
            (local.set $c (i32.load8_u (local.get $pos)))
            (br $l)))))
        (block $d (loop $l
          (br_if $d (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
          (if (i32.lt_u (local.get $sig) (i32.const 19))
            (then (local.set $m (i64.add (i64.mul (local.get $m) (i64.const 10))
                                         (i64.extend_i32_u (i32.sub (local.get $c) (i32.const 48)))))))
          (local.set $sig (i32.add (local.get $sig) (i32.const 1)))
          (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
          (local.set $c (i32.load8_u (local.get $pos)))
          (br $l)))
        (local.set $frac (i32.sub (local.get $pos) (local.get $fstart)))
        (local.set $digits (i32.add (local.get $digits) (local.get $frac)))))
    (if (i32.eqz (local.get $digits))
      (then (global.set $next (i32.const -1)) (return (f64.const nan))))
    (if (i32.eq (i32.or (local.get $c) (i32.const 32)) (i32.const 101))
      (then
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (local.set $c (i32.load8_u (local.get $pos)))
        (if (i32.eq (local.get $c) (i32.const 45))
          (then (local.set $en (i32.const 1))
                (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
                (local.set $c (i32.load8_u (local.get $pos))))
          (else (if (i32.eq (local.get $c) (i32.const 43))
            (then (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
                  (local.set $c (i32.load8_u (local.get $pos)))))))
        (block $d (loop $l
          (br_if $d (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
          (if (i32.lt_u (local.get $ed) (i32.const 6))
            (then (local.set $e (i32.add (i32.mul (local.get $e) (i32.const 10))
                                         (i32.sub (local.get $c) (i32.const 48))))))
          (local.set $ed (i32.add (local.get $ed) (i32.const 1)))
          (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
          (local.set $c (i32.load8_u (local.get $pos)))
          (br $l)))
        (if (i32.eqz (local.get $ed))
          (then (global.set $next (i32.const -1)) (return (f64.const nan))))
        (if (local.get $en) (then (local.set $e (i32.sub (i32.const 0) (local.get $e)))))))
    (global.set $next (local.get $pos))
    (local.set $v (f64.const nan))
    (if (i32.le_u (local.get $ed) (i32.const 6))
      (then
        (local.set $p (i32.sub (local.get $e) (local.get $frac)))
        (if (i32.le_u (local.get $sig) (i32.const 15))
          (then
            (if (i32.le_u (i32.add (local.get $p) (i32.const 22)) (i32.const 44))
              (then
                (local.set $v (f64.convert_i64_u (local.get $m)))
                (if (i32.gt_s (local.get $p) (i32.const 0))
                  (then (local.set $v (f64.mul (local.get $v) (call $pow10 (local.get $p))))))
                (if (i32.lt_s (local.get $p) (i32.const 0))
                  (then (local.set $v (f64.div (local.get $v)
                                               (call $pow10 (i32.sub (i32.const 0) (local.get $p))))))))))
          (else
            (if (i32.and (i32.le_u (local.get $sig) (i32.const 19))
                         (i32.and (i32.lt_s (local.get $p) (i32.const 0))
                                  (i32.ge_s (local.get $p) (i32.const -22))))
              (then (local.set $v (call $divideExact (local.get $m)
                                                      (i32.sub (i32.const 0) (local.get $p))))))))))
    (if (f64.ne (local.get $v) (local.get $v))
      (then (return (call $slow (local.get $start) (local.get $pos)))))
    (if (result f64) (local.get $neg)
      (then (f64.neg (local.get $v)))
      (else (local.get $v))))

  ;; Two ASCII digits at $pos as a number, or -1000 when either is not a digit.
  (func $two (param $pos i32) (result i32)
    (local $a i32) (local $b i32)
    (local.set $a (i32.sub (i32.load8_u (local.get $pos)) (i32.const 48)))
    (local.set $b (i32.sub (i32.load8_u (i32.add (local.get $pos) (i32.const 1))) (i32.const 48)))
    (if (result i32) (i32.or (i32.gt_u (local.get $a) (i32.const 9)) (i32.gt_u (local.get $b) (i32.const 9)))
      (then (i32.const -1000))
      (else (i32.add (i32.mul (local.get $a) (i32.const 10)) (local.get $b)))))

  ;; True for a byte that ends a cell: comma, line feed, carriage return or the 0 sentinel.
  (func $ends (param $c i32) (result i32)
    (i32.or (i32.or (i32.eq (local.get $c) (i32.const 44)) (i32.eq (local.get $c) (i32.const 10)))
            (i32.or (i32.eq (local.get $c) (i32.const 13)) (i32.eqz (local.get $c)))))

  ;; Up to $maxRows data lines from $pos (before $end; the byte at $end is 0) into $out
  ;; (row-major, $width doubles a row; NaN for an empty cell), $dates (i32 YYYYMMDD a row) and
  ;; $empties (i32 empty cells a row). Empty lines are skipped. Returns the rows read ($next:
  ;; where reading stopped), or where the text leaves the accepted form: -3 a date not in
  ;; YYYY-MM-DD form, -4 a missing comma (fewer cells, or blanks or other text in a cell),
  ;; -5 a cell that is not a decimal, -6 a value below -1 or above 1e15 in magnitude, -7 more
  ;; cells than $width.
  (func (export "parse") (param $pos i32) (param $end i32) (param $width i32)
        (param $out i32) (param $dates i32) (param $empties i32) (param $maxRows i32) (result i32)
    (local $row i32) (local $k i32) (local $y i32) (local $mo i32) (local $d i32)
    (local $v f64) (local $c i32) (local $empty i32)
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $pos) (local.get $end)))
      (br_if $done (i32.ge_u (local.get $row) (local.get $maxRows)))
      (local.set $c (i32.load8_u (local.get $pos)))
      (if (i32.eq (local.get $c) (i32.const 13))
        (then (if (i32.eq (i32.load8_u (i32.add (local.get $pos) (i32.const 1))) (i32.const 10))
          (then (local.set $pos (i32.add (local.get $pos) (i32.const 2))) (br $rows)))))
      (if (i32.eq (local.get $c) (i32.const 10))
        (then (local.set $pos (i32.add (local.get $pos) (i32.const 1))) (br $rows)))
      (local.set $y (call $two (local.get $pos)))
      (local.set $c (call $two (i32.add (local.get $pos) (i32.const 2))))
      (local.set $mo (call $two (i32.add (local.get $pos) (i32.const 5))))
      (local.set $d (call $two (i32.add (local.get $pos) (i32.const 8))))
      (if (i32.or (i32.or (i32.lt_s (i32.or (local.get $y) (local.get $c)) (i32.const 0)) (i32.lt_s (local.get $mo) (i32.const 0)))
                  (i32.or (i32.lt_s (local.get $d) (i32.const 0))
                          (i32.or (i32.ne (i32.load8_u (i32.add (local.get $pos) (i32.const 4))) (i32.const 45))
                                  (i32.ne (i32.load8_u (i32.add (local.get $pos) (i32.const 7))) (i32.const 45)))))
        (then (return (i32.const -3))))
      (i32.store (local.get $dates)
        (i32.add (i32.add (i32.mul (i32.add (i32.mul (local.get $y) (i32.const 100)) (local.get $c)) (i32.const 10000))
                          (i32.mul (local.get $mo) (i32.const 100)))
                 (local.get $d)))
      (local.set $pos (i32.add (local.get $pos) (i32.const 10)))
      (local.set $k (i32.const 0))
      (local.set $empty (i32.const 0))
      (loop $cells
        (if (i32.ne (i32.load8_u (local.get $pos)) (i32.const 44)) (then (return (i32.const -4))))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (if (call $ends (i32.load8_u (local.get $pos)))
          (then
            (local.set $empty (i32.add (local.get $empty) (i32.const 1)))
            (f64.store (local.get $out) (f64.const nan)))
          (else
            (local.set $v (call $cell (local.get $pos)))
            (local.set $pos (global.get $next))
            (if (i32.lt_s (local.get $pos) (i32.const 0)) (then (return (i32.const -5))))
            ;; at least -1, at most 1e15 (NaN and infinities fail too)
            (if (i32.eqz (i32.and (f64.ge (local.get $v) (f64.const -1)) (f64.le (local.get $v) (f64.const 1e15))))
              (then (return (i32.const -6))))
            (f64.store (local.get $out) (local.get $v))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $cells (i32.lt_u (local.get $k) (local.get $width))))
      (i32.store (local.get $empties) (local.get $empty))
      (local.set $c (i32.load8_u (local.get $pos)))
      (if (i32.eq (local.get $c) (i32.const 44)) (then (return (i32.const -7))))
      (if (i32.eq (local.get $c) (i32.const 13))
        (then (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
              (local.set $c (i32.load8_u (local.get $pos)))))
      (if (i32.eq (local.get $c) (i32.const 10))
        (then (local.set $pos (i32.add (local.get $pos) (i32.const 1))))
        (else (if (i32.lt_u (local.get $pos) (local.get $end)) (then (return (i32.const -4))))))
      (local.set $dates (i32.add (local.get $dates) (i32.const 4)))
      (local.set $empties (i32.add (local.get $empties) (i32.const 4)))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $rows)))
    (global.set $next (local.get $pos))
    (local.get $row))

  ;; Columns [$j0, $j1) of $src (row-major, $t rows of $w) into $cols (column-major, $t a
  ;; column) and their means (summed in row order, over $t) into $means; when $cx is not 0, the
  ;; columns minus their means into $cx too ($tp doubles a column, rows past $t left as they are).
  (func (export "centre") (param $src i32) (param $t i32) (param $w i32) (param $cols i32)
        (param $cx i32) (param $tp i32) (param $means i32) (param $j0 i32) (param $j1 i32)
    (local $j i32) (local $r i32) (local $s f64) (local $mean f64) (local $p i32) (local $x f64)
    (local $q i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $w) (i32.const 3)))
    (local.set $j (local.get $j0))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $j1)))
      (local.set $s (f64.const 0))
      (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $q (i32.add (local.get $cols) (i32.shl (i32.mul (local.get $j) (local.get $t)) (i32.const 3))))
      (local.set $r (i32.const 0))
      (block $rd (loop $rl
        (br_if $rd (i32.ge_u (local.get $r) (local.get $t)))
        (local.set $x (f64.load (local.get $p)))
        (f64.store (i32.add (local.get $q) (i32.shl (local.get $r) (i32.const 3))) (local.get $x))
        (local.set $s (f64.add (local.get $s) (local.get $x)))
        (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rl)))
      (local.set $mean (f64.div (local.get $s) (f64.convert_i32_u (local.get $t))))
      (f64.store (i32.add (local.get $means) (i32.shl (local.get $j) (i32.const 3))) (local.get $mean))
      (if (local.get $cx)
        (then
          (local.set $p (i32.add (local.get $cx) (i32.shl (i32.mul (local.get $j) (local.get $tp)) (i32.const 3))))
          (local.set $r (i32.const 0))
          (block $rd (loop $rl
            (br_if $rd (i32.ge_u (local.get $r) (local.get $t)))
            (f64.store (i32.add (local.get $p) (i32.shl (local.get $r) (i32.const 3)))
              (f64.sub (f64.load (i32.add (local.get $q) (i32.shl (local.get $r) (i32.const 3)))) (local.get $mean)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rl)))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl))))

  ;; Rows [$i0, $i1) of G = X'X into $g (np × np, row-major) for X = $cx (np columns of tp
  ;; doubles; np a multiple of 4, tp of 2, $i0 and $i1 even): every entry with j >= i, in
  ;; blocks of 2 × 4 entries, each a sum over t in two lanes (even and odd t) added at the end.
  (func (export "gram") (param $cx i32) (param $np i32) (param $tp i32) (param $g i32) (param $i0 i32) (param $i1 i32)
    (local $i i32) (local $j i32) (local $t i32) (local $colBytes i32)
    (local $pi0 i32) (local $pi1 i32) (local $pj0 i32) (local $pj1 i32) (local $pj2 i32) (local $pj3 i32)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local $o i32) (local $bytes i32)
    (local.set $colBytes (i32.shl (local.get $tp) (i32.const 3)))
    (local.set $bytes (local.get $colBytes))
    (local.set $i (local.get $i0))
    (block $id (loop $il
      (br_if $id (i32.ge_u (local.get $i) (local.get $i1)))
      (local.set $pi0 (i32.add (local.get $cx) (i32.mul (local.get $i) (local.get $colBytes))))
      (local.set $pi1 (i32.add (local.get $pi0) (local.get $colBytes)))
      (local.set $j (i32.and (local.get $i) (i32.const -4)))
      (block $jd (loop $jl
        (br_if $jd (i32.ge_u (local.get $j) (local.get $np)))
        (local.set $pj0 (i32.add (local.get $cx) (i32.mul (local.get $j) (local.get $colBytes))))
        (local.set $pj1 (i32.add (local.get $pj0) (local.get $colBytes)))
        (local.set $pj2 (i32.add (local.get $pj1) (local.get $colBytes)))
        (local.set $pj3 (i32.add (local.get $pj2) (local.get $colBytes)))
        (local.set $s00 (v128.const i64x2 0 0)) (local.set $s01 (v128.const i64x2 0 0))
        (local.set $s02 (v128.const i64x2 0 0)) (local.set $s03 (v128.const i64x2 0 0))
        (local.set $s10 (v128.const i64x2 0 0)) (local.set $s11 (v128.const i64x2 0 0))
        (local.set $s12 (v128.const i64x2 0 0)) (local.set $s13 (v128.const i64x2 0 0))
        (local.set $t (i32.const 0))
        (block $td (loop $tl
          (br_if $td (i32.ge_u (local.get $t) (local.get $bytes)))
          (local.set $a0 (v128.load (i32.add (local.get $pi0) (local.get $t))))
          (local.set $a1 (v128.load (i32.add (local.get $pi1) (local.get $t))))
          (local.set $b0 (v128.load (i32.add (local.get $pj0) (local.get $t))))
          (local.set $b1 (v128.load (i32.add (local.get $pj1) (local.get $t))))
          (local.set $b2 (v128.load (i32.add (local.get $pj2) (local.get $t))))
          (local.set $b3 (v128.load (i32.add (local.get $pj3) (local.get $t))))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $a0) (local.get $b0))))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $a0) (local.get $b1))))
          (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $a0) (local.get $b2))))
          (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $a0) (local.get $b3))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $a1) (local.get $b0))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $a1) (local.get $b1))))
          (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $a1) (local.get $b2))))
          (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $a1) (local.get $b3))))
          (local.set $t (i32.add (local.get $t) (i32.const 16)))
          (br $tl)))
        (local.set $o (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $np)) (local.get $j)) (i32.const 3))))
        (f64.store offset=0 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s00)) (f64x2.extract_lane 1 (local.get $s00))))
        (f64.store offset=8 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01))))
        (f64.store offset=16 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s02)) (f64x2.extract_lane 1 (local.get $s02))))
        (f64.store offset=24 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s03)) (f64x2.extract_lane 1 (local.get $s03))))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $np) (i32.const 3))))
        (f64.store offset=0 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s10)) (f64x2.extract_lane 1 (local.get $s10))))
        (f64.store offset=8 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s11)) (f64x2.extract_lane 1 (local.get $s11))))
        (f64.store offset=16 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s12)) (f64x2.extract_lane 1 (local.get $s12))))
        (f64.store offset=24 (local.get $o) (f64.add (f64x2.extract_lane 0 (local.get $s13)) (f64x2.extract_lane 1 (local.get $s13))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $il))))
;; Rows [$i0, $i1) of the merged Gram of two blocks (core/stats/centred-gram.ts
  ;; mergeCentredGrams, the same arithmetic): G_ij = (A_ij + B_ij) + (w·δ_i)·δ_j for j >= i, into
  ;; $ga (A, overwritten; n × n row-major), then G_ji = G_ij. B at $gb, δ at $d.
  (func (export "mergeGrams") (param $ga i32) (param $gb i32) (param $d i32) (param $n i32)
        (param $w f64) (param $i0 i32) (param $i1 i32)
    (local $i i32) (local $j i32) (local $wi f64) (local $o i32) (local $x f64) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i (local.get $i0))
    (block $id (loop $il
      (br_if $id (i32.ge_u (local.get $i) (local.get $i1)))
      (local.set $wi (f64.mul (local.get $w) (f64.load (i32.add (local.get $d) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $j (local.get $i))
      (block $jd (loop $jl
        (br_if $jd (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3)))
        (local.set $x
          (f64.add
            (f64.add (f64.load (i32.add (local.get $ga) (local.get $o))) (f64.load (i32.add (local.get $gb) (local.get $o))))
            (f64.mul (local.get $wi) (f64.load (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 3)))))))
        (f64.store (i32.add (local.get $ga) (local.get $o)) (local.get $x))
        (f64.store (i32.add (local.get $ga) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $i)) (i32.const 3)))
          (local.get $x))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il))))
)
