/**
 * The accounts-file editor: the shared config editor (`components/config-editor.tsx`) with the
 * example accounts file (the shape of `ballast location --accounts`: accounts, target, tax,
 * exposures; docs/asset-location.md, "The accounts file").
 */
import {
  ConfigTextEditor,
  type ConfigEditorKind,
  type ConfigEditorProps,
} from '../../components/config-editor.tsx';
import { LOCATION_EXAMPLES } from './location-examples.ts';

const KIND: ConfigEditorKind = {
  id: 'location',
  formClass: 'location-config',
  formLabel: 'Accounts file',
  runLabel: 'Place assets',
  rows: 18,
  examples: LOCATION_EXAMPLES,
};

/** The editor (see the module comment). */
export function LocationEditor(props: ConfigEditorProps) {
  return <ConfigTextEditor {...props} kind={KIND} />;
}
