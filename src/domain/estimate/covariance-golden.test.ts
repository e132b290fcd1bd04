import { describe, expect, it } from 'vitest';
import { maxAbsDiff } from '../../../test/helpers/matrices.ts';
import {
  readPeerMoments,
  readPeerPanel,
  type PeerPanelName,
} from '../../../test/helpers/peer-panels.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { fromRows } from '../../core/linalg/matrix.ts';
import { columnMeans } from '../../core/stats/column-means.ts';
import type { CovarianceEstimate } from './covariance-input.ts';
import { ledoitWolf } from './ledoit-wolf.ts';
import { ledoitWolfConstantCorrelation } from './ledoit-wolf-constant-correlation.ts';
import { ledoitWolfSingleFactor } from './ledoit-wolf-single-factor.ts';
import { oracleApproximatingShrinkage } from './oas.ts';
import { sampleCovariance } from './sample-covariance.ts';
import { semicovariance } from './semicovariance.ts';

// Golden values for the covariance estimators.
//
// Tolerances (one table):
// | measure                                  | tolerance                                 |
// |------------------------------------------|-------------------------------------------|
// | peer sample mean and covariance          | 1e-12 absolute (stated by the reference)  |
// | shrinkage intensity δ                    | 1e-12 absolute                            |
// | shrunk / semi covariance matrices        | 1e-13 × max |entry| (a few hundred ulps)   |
//
// References, all printed by test/fixtures/peers/covariance_reference.py (Debian 12
// /usr/bin/python3 3.11.2, scikit-learn 1.2.1, numpy 1.24.2):
// - ledoitWolf: sklearn.covariance.ledoit_wolf(X) (assume_centered=False);
// - oas: sklearn.covariance.oas(X) (assume_centered=False);
// - singleFactor / constantCorrelation: literal numpy transcriptions of Ledoit & Wolf's
//   MATLAB covMarket.m (2003, version 06/2009) and covCor.m (2004), full n × n algebra;
// - semicovariance: PyPortfolioOpt 1.5 `semicovariance` formula with benchmark 0 and
//   frequency 1, i.e. fmin(X − 0, 0)ᵀ·fmin(X − 0, 0)/T.
// The sample moments come from the peer reference JSONs (`moments`, numpy 1.24.2, ddof 1).

const HAND_REFERENCE = {
  ledoitWolf: {
    shrinkage: 0.5114478424558144,
    covariance: [
      [0.00026855093317404666, -5.4229289487404594e-5, -2.882457729510695e-5, -7.81683452070697e-6],
      [
        -5.4229289487404594e-5, 0.00032717719207934896, 0.00011774106996814873,
        6.546598911092085e-5,
      ],
      [
        -2.882457729510695e-5, 0.00011774106996814873, 0.0004151165804373023,
        0.00020323769753838124,
      ],
      [-7.81683452070697e-6, 6.546598911092085e-5, 0.00020323769753838124, 0.0005201552943093022],
    ],
  },
  oas: {
    shrinkage: 0.48182579014435245,
    covariance: [
      [0.0002616267784462424, -5.751733729397687e-5, -3.057227838148321e-5, -8.29078735769036e-6],
      [-5.751733729397687e-5, 0.00032380768362892014, 0.00012487998457521107, 6.943534412065676e-5],
      [
        -3.057227838148321e-5, 0.00012487998457521107, 0.0004170790414029367,
        0.00021556047129994943,
      ],
      [-8.29078735769036e-6, 6.943534412065676e-5, 0.00021556047129994943, 0.000528486496521901],
    ],
  },
  singleFactor: {
    shrinkage: 0.4245510172947771,
    covariance: [
      [0.000149, -6.692940497961222e-5, -3.995173874246199e-5, -1.6072797876004572e-5],
      [
        -6.692940497961222e-5, 0.00026900000000000003, 0.00022511922079415046,
        0.00017601211890953496,
      ],
      [-3.995173874246199e-5, 0.00022511922079415046, 0.0004490000000000001, 0.0004336651016134511],
      [
        -1.6072797876004572e-5, 0.00017601211890953496, 0.0004336651016134511,
        0.0006640000000000001,
      ],
    ],
  },
  constantCorrelation: {
    shrinkage: 0.5082143951063146,
    covariance: [
      [0.00014900000000000002, -3.866527419824259e-5, -8.443661204189047e-6, 1.714817692105216e-5],
      [-3.866527419824259e-5, 0.00026900000000000003, 0.00014616128082797734, 9.951277876744888e-5],
      [-8.443661204189047e-6, 0.00014616128082797734, 0.000449, 0.0002480099153394078],
      [1.714817692105216e-5, 9.951277876744888e-5, 0.0002480099153394078, 0.0006640000000000001],
    ],
  },
  semicovariance: {
    covariance: [
      [6.000000000000001e-5, 0.0, 7.000000000000001e-5, 7e-5],
      [0.0, 0.00017, 0.0002, 0.00014],
      [7.000000000000001e-5, 0.0002, 0.0004700000000000001, 0.00044],
      [7e-5, 0.00014, 0.00044, 0.0006900000000000002],
    ],
  },
};
const LPP_REFERENCE = {
  ledoitWolf: {
    shrinkage: 0.022366171931816003,
    covariance: [
      [
        2.12978714095943e-6, -1.24234005653814e-6, 1.7544719876599225e-7, 9.559166977883028e-7,
        -1.549180428149133e-6, -1.2907531451605457e-6,
      ],
      [
        -1.24234005653814e-6, 5.758157343809435e-5, 2.957930540976889e-6, -1.3723395232340973e-6,
        4.013251953917947e-5, 2.909484084035568e-5,
      ],
      [
        1.7544719876599225e-7, 2.957930540976889e-6, 8.880812051251742e-6, 9.019650695807628e-8,
        2.4196794500871204e-6, 1.5160828900611238e-6,
      ],
      [
        9.559166977883028e-7, -1.3723395232340973e-6, 9.019650695807628e-8, 2.0373098330438563e-6,
        -2.2740124816567915e-6, -1.6816399734992372e-6,
      ],
      [
        -1.549180428149133e-6, 4.013251953917947e-5, 2.4196794500871204e-6, -2.2740124816567915e-6,
        5.2747371869568974e-5, 3.5569992037716823e-5,
      ],
      [
        -1.2907531451605457e-6, 2.909484084035568e-5, 1.5160828900611238e-6, -1.6816399734992372e-6,
        3.5569992037716823e-5, 3.208543620268925e-5,
      ],
    ],
  },
  oas: {
    shrinkage: 0.009309642808081536,
    covariance: [
      [
        1.8121917210222104e-6, -1.2589317994423562e-6, 1.777903372648843e-7, 9.686831895423775e-7,
        -1.56987009620002e-6, -1.3079914562208756e-6,
      ],
      [
        -1.2589317994423562e-6, 5.8004549632973584e-5, 2.9974343972730267e-6,
        -1.3906674395135125e-6, 4.066849875259064e-5, 2.9483409265338645e-5,
      ],
      [
        1.777903372648843e-7, 2.9974343972730267e-6, 8.653378152761119e-6, 9.140110246832403e-8,
        2.4519948367923776e-6, 1.536330532726265e-6,
      ],
      [
        9.686831895423775e-7, -1.3906674395135125e-6, 9.140110246832403e-8, 1.7184793569645332e-6,
        -2.3043824518256397e-6, -1.704098669852876e-6,
      ],
      [
        -1.56987009620002e-6, 4.066849875259064e-5, 2.4519948367923776e-6, -2.3043824518256397e-6,
        5.310578616841176e-5, 3.6045037625991066e-5,
      ],
      [
        -1.3079914562208756e-6, 2.9483409265338645e-5, 1.536330532726265e-6, -1.704098669852876e-6,
        3.6045037625991066e-5, 3.2167905503474406e-5,
      ],
    ],
  },
  singleFactor: {
    shrinkage: 0.01797448619737044,
    covariance: [
      [
        1.5857379759971707e-6, -1.2570003899598836e-6, 1.7512628454893127e-7, 9.60413409242942e-7,
        -1.5652115465333347e-6, -1.3033456444746617e-6,
      ],
      [
        -1.2570003899598836e-6, 5.8306142594880206e-5, 3.071440539563032e-6, -1.396811229663334e-6,
        4.1132614004685425e-5, 2.9839519446515946e-5,
      ],
      [
        1.7512628454893127e-7, 3.071440539563032e-6, 8.491211903420914e-6, 8.836552283150763e-8,
        2.530687753619049e-6, 1.597889966928047e-6,
      ],
      [
        9.60413409242942e-7, -1.396811229663334e-6, 8.836552283150763e-8, 1.491144984980985e-6,
        -2.30251934097543e-6, -1.7028932661848386e-6,
      ],
      [
        -1.5652115465333347e-6, 4.1132614004685425e-5, 2.530687753619049e-6, -2.30251934097543e-6,
        5.336134482936321e-5, 3.634324475941246e-5,
      ],
      [
        -1.3033456444746617e-6, 2.9839519446515946e-5, 1.597889966928047e-6, -1.7028932661848386e-6,
        3.634324475941246e-5, 3.2226708246965123e-5,
      ],
    ],
  },
  constantCorrelation: {
    shrinkage: 0.02576344871818644,
    covariance: [
      [
        1.5857379759971707e-6, -1.2015566913810623e-6, 1.887536539524252e-7, 9.58426568220703e-7,
        -1.508911351006297e-6, -1.2591570161386443e-6,
      ],
      [
        -1.2015566913810623e-6, 5.830614259488019e-5, 3.032035722535488e-6, -1.3322087810597892e-6,
        4.020459716036038e-5, 2.915812923781268e-5,
      ],
      [
        1.887536539524252e-7, 3.032035722535488e-6, 8.491211903420914e-6, 1.033777615011749e-7,
        2.4919975937975955e-6, 1.5735496421457914e-6,
      ],
      [
        9.58426568220703e-7, -1.3322087810597892e-6, 1.033777615011749e-7, 1.4911449849809846e-6,
        -2.2322811179077e-6, -1.649506555904785e-6,
      ],
      [
        -1.508911351006297e-6, 4.020459716036038e-5, 2.4919975937975955e-6, -2.2322811179077e-6,
        5.3361344829363204e-5, 3.560365399704022e-5,
      ],
      [
        -1.2591570161386443e-6, 2.915812923781268e-5, 1.5735496421457914e-6, -1.649506555904785e-6,
        3.560365399704022e-5, 3.222670824696512e-5,
      ],
    ],
  },
  semicovariance: {
    covariance: [
      [
        8.02635106315533e-7, 9.946175584282759e-7, 6.318156662531726e-7, 4.962232913859815e-7,
        9.742961131602757e-7, 6.778984389603182e-7,
      ],
      [
        9.946175584282759e-7, 2.9370705153962238e-5, 3.0710296552558755e-6, 8.824707806349068e-7,
        2.2321007668000897e-5, 1.590424412408161e-5,
      ],
      [
        6.318156662531726e-7, 3.0710296552558755e-6, 3.260477691297357e-6, 5.507866754122601e-7,
        2.740829111133055e-6, 1.7965765453329784e-6,
      ],
      [
        4.962232913859815e-7, 8.824707806349068e-7, 5.507866754122601e-7, 6.598257809950344e-7,
        7.683898938668462e-7, 5.444793600991111e-7,
      ],
      [
        9.742961131602757e-7, 2.2321007668000897e-5, 2.740829111133055e-6, 7.683898938668462e-7,
        2.74364273260639e-5, 1.8201427202653926e-5,
      ],
      [
        6.778984389603182e-7, 1.590424412408161e-5, 1.7965765453329784e-6, 5.444793600991111e-7,
        1.8201427202653926e-5, 1.515541507099756e-5,
      ],
    ],
  },
};
const SMALLCAP_SHRINKAGE = {
  ledoitWolf: 0.3733927484501604,
  oas: 0.3063502491192501,
  singleFactor: 0.5541819530215412,
  constantCorrelation: 0.6742561419366869,
};

/** The hand-made 10 × 4 fixture (decimals; see covariance_reference.py `HAND`). */
const HAND = fromRows([
  [0.02, -0.04, -0.05, -0.03],
  [-0.02, 0.0, -0.02, 0.0],
  [0.0, 0.02, 0.03, 0.04],
  [0.0, 0.01, 0.0, -0.01],
  [-0.01, 0.02, -0.02, -0.05],
  [0.01, -0.01, 0.0, -0.02],
  [-0.01, 0.0, -0.01, -0.02],
  [0.02, 0.0, -0.02, -0.01],
  [0.0, 0.01, 0.01, 0.01],
  [0.0, 0.0, -0.03, -0.05],
]);

interface Reference {
  readonly shrinkage?: number;
  readonly covariance: readonly (readonly number[])[];
}

const ESTIMATORS = {
  ledoitWolf,
  oas: oracleApproximatingShrinkage,
  singleFactor: ledoitWolfSingleFactor,
  constantCorrelation: ledoitWolfConstantCorrelation,
  semicovariance: (x: Matrix) => semicovariance(x),
} as const satisfies Record<string, (x: Matrix) => CovarianceEstimate>;

function expectReference(estimate: CovarianceEstimate, reference: Reference): void {
  if (reference.shrinkage !== undefined) {
    expect(Math.abs(estimate.shrinkage! - reference.shrinkage)).toBeLessThanOrEqual(1e-12);
  }
  const scale = Math.max(...reference.covariance.flat().map(Math.abs));
  expect(maxAbsDiff(estimate.covariance, reference.covariance)).toBeLessThanOrEqual(1e-13 * scale);
  expect(estimate.warnings).toEqual([]);
}

describe('covariance estimators against published references', () => {
  const lpp = readPeerPanel('lpp2005rec_assets6').returns;
  for (const name of Object.keys(ESTIMATORS) as (keyof typeof ESTIMATORS)[]) {
    it(`${name} matches its reference on the hand-made fixture`, () => {
      expectReference(ESTIMATORS[name](HAND), HAND_REFERENCE[name]);
    });
    it(`${name} matches its reference on LPP2005 (377 × 6)`, () => {
      expectReference(ESTIMATORS[name](lpp), LPP_REFERENCE[name]);
    });
  }

  it('shrinkage intensities match on SMALLCAP (60 × 20)', () => {
    const x = readPeerPanel('smallcap_stocks20').returns;
    expect(Math.abs(ledoitWolf(x).shrinkage! - SMALLCAP_SHRINKAGE.ledoitWolf)).toBeLessThanOrEqual(
      1e-12,
    );
    expect(
      Math.abs(oracleApproximatingShrinkage(x).shrinkage! - SMALLCAP_SHRINKAGE.oas),
    ).toBeLessThanOrEqual(1e-12);
    expect(
      Math.abs(ledoitWolfSingleFactor(x).shrinkage! - SMALLCAP_SHRINKAGE.singleFactor),
    ).toBeLessThanOrEqual(1e-12);
    expect(
      Math.abs(
        ledoitWolfConstantCorrelation(x).shrinkage! - SMALLCAP_SHRINKAGE.constantCorrelation,
      ),
    ).toBeLessThanOrEqual(1e-12);
  });
});

describe('sample moments on the peer panels', () => {
  for (const name of ['lpp2005rec_assets6', 'smallcap_stocks20'] as PeerPanelName[]) {
    it(`match the reference JSON of ${name} to 1e-12`, () => {
      const panel = readPeerPanel(name);
      const moments = readPeerMoments(name);
      expect(panel.assets).toEqual(moments.assets);
      expect(panel.returns.rows).toBe(moments.n_periods);
      const mean = columnMeans(panel.returns);
      panel.assets.forEach((asset, j) => {
        expect(Math.abs(mean[j]! - moments.mean[asset]!)).toBeLessThanOrEqual(1e-12);
      });
      const { covariance } = sampleCovariance(panel.returns);
      expect(maxAbsDiff(covariance, moments.cov)).toBeLessThanOrEqual(1e-12);
    });
  }
});
