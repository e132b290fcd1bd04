/**
 * The backtest config editor: the shared config editor (`components/config-editor.tsx`) with
 * the backtest examples (the shape of `ballast backtest --config`).
 */
import {
  ConfigTextEditor,
  type ConfigEditorKind,
  type ConfigEditorProps,
} from '../../components/config-editor.tsx';
import { BACKTEST_EXAMPLES } from './backtest-examples.ts';

export type { ConfigEditorProps } from '../../components/config-editor.tsx';

const KIND: ConfigEditorKind = {
  id: 'backtest',
  formClass: 'backtest-config',
  formLabel: 'Backtest config',
  runLabel: 'Run backtest',
  rows: 20,
  examples: BACKTEST_EXAMPLES,
};

/** The editor (see the module comment). */
export function ConfigEditor(props: ConfigEditorProps) {
  return <ConfigTextEditor {...props} kind={KIND} />;
}
