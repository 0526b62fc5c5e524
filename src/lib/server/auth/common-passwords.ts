// A small list of very common passwords (lowercase) that are refused; extend it as needed.
/** Passwords refused as too easy to guess, compared in lowercase. */
export const commonPasswords: ReadonlySet<string> = new Set([
  'passwort1234', 'passwort12345', 'password1234', 'password12345', 'password123456', '1234567890ab',
  '123456789012', 'qwertzuiop12', 'qwertyuiop12', 'qwertzuiopü1', 'hallo1234567', 'hallohallo12',
  'sommer2024!!', 'sommer2025!!', 'winter2024!!', 'winter2025!!', 'fruehling2025', 'herbst2025!!',
  'willkommen12', 'willkommen123', 'willkommen1234', 'geheim123456', 'geheimgeheim', 'passwortpasswort',
  'passwordpassword', 'iloveyou1234', 'ichliebedich1', 'ichliebedich12', 'fussball1234', 'fußball1234',
  'schalke04schalke', 'borussia0909', 'bayernmünchen', 'bayernmuenchen', '123456123456', '111111111111',
  '000000000000', 'abcdefghijkl', 'abc123abc123', 'qwerty123456', 'qwertz123456', 'letmein12345',
  'admin1234567', 'administrator', 'administrator1', 'rathaus12345', 'verwaltung123', 'verwaltung1234',
  'kreistag2024', 'stadtrat2024', 'ratsfaden123', 'ratsfaden1234', 'changeme1234', 'startstart12',
  'start1234567', 'test12345678', 'testtest1234', 'master123456', 'dragon123456', 'monkey123456',
  'football1234', 'baseball1234', 'superman1234', 'trustno11234', 'sunshine1234', 'princess1234',
  'welcome12345', 'welcome123456', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', 'q1w2e3r4t5z6', 'q1w2e3r4t5y6', 'asdfghjkl123', 'yxcvbnm12345', 'zxcvbnm12345',
  'mustermann12', 'mustermann123', 'musterfrau12', 'deutschland1', 'deutschland12', 'deutschland123',
  'berlin123456', 'hamburg12345', 'muenchen1234', 'januar2025!!', 'februar2025!', 'maerz2025!!!',
  'april2025!!!', 'mai2025!!!!!', 'juni2025!!!!',
]);
