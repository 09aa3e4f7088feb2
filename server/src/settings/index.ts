// The actionableMessages.* settings: the one reader and validator for the server, the client's commands and the
// CLI's config file. Imports card/ and rules/.
export { matchesFileGlobs } from './card-files';
export {
  DEFAULT_CARD_FILES, DEFAULT_EDITOR_SETTINGS, DEFAULT_RESPONSE_FILES, readEditorSettings, type EditorSettings
} from './editor-settings';
export {
  LINT_CONFIG_KEYS, readSettings, readSeverityOverride, type ActionTargetSettings, type SettingKey, type Settings, type SettingsProblem,
  type SettingsReading, type SeverityOverrideReading
} from './read-settings';
export { readSendSettings, type SendSettings } from './send-settings';
