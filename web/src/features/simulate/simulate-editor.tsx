/**
 * The simulation config editor: the shared config editor (`components/config-editor.tsx`)
 * with the simulation examples (the shape of `ballast simulate --config`: returns, weights,
 * method, paths, years, initial, withdrawal, seed) and the fields' list folded below.
 */
import {
  ConfigTextEditor,
  type ConfigEditorKind,
  type ConfigEditorProps,
} from '../../components/config-editor.tsx';
import { SIMULATE_EXAMPLES } from './simulate-examples.ts';
import { SimulateFields } from './simulate-fields.tsx';

export type SimulateEditorProps = ConfigEditorProps;

const KIND: ConfigEditorKind = {
  id: 'simulate',
  formClass: 'simulate-config',
  formLabel: 'Simulation config',
  runLabel: 'Run simulation',
  rows: 18,
  examples: SIMULATE_EXAMPLES,
  after: <SimulateFields />,
};

/** The editor (see the module comment). */
export function SimulateEditor(props: SimulateEditorProps) {
  return <ConfigTextEditor {...props} kind={KIND} />;
}
