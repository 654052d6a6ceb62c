/**
 * The sync server's connection under Settings (issue 20, docs/architecture.md#the-connection): the
 * card's labels, and each outcome of the check as a sentence saying what to do.
 */
import type { Widen } from '../widen';

export const syncZhCN = {
  title: '多机同步',
  intro: '几台电脑通过本县的 CouchDB 服务器共用一套数据。这里填写服务器的连接；同步本身稍后推出。',
  serverUrl: '服务器地址',
  serverUrlHint: '如 https://192.168.1.10:6984，不要把用户名和密码写进地址',
  database: '数据库名称',
  databaseHint: '本县的数据库，小写字母开头，如 ptp-451022',
  user: '用户名',
  password: '密码',
  passwordKept: '已保存密码；留空则使用已保存的密码',
  passwordDesktop: '密码由本机系统加密保存，不存入应用数据库，也不进备份',
  passwordBrowser: '浏览器预览中密码只保存在本页内存里，关闭或刷新页面后需重新输入',
  test: '测试连接',
  testing: '正在连接服务器…',
  save: '保存连接',
  saved: '同步连接已保存',
  savedWithoutPassword: '连接已保存，但本机系统无法加密保存密码：密码没有保存，每次测试或同步时请重新输入。',
  forget: '忘记密码',
  forgotten: '已删除保存的密码',
  passwordMissing: '请输入密码',
  countyMissing: '请先在上方“操作员”中填写单位名称和本县行政区划代码，多机同步用它认出本县的数据库。',
  county: '本县：{{name}}（{{code}}）',
  outcome: {
    ok: '连接成功：这是本县的数据库。',
    empty: '连接成功：数据库是空的，第一次同步时会把它标记为本县（{{name}}）的数据库。',
    unreachable: '连不上服务器。请检查网络、服务器地址和端口，并确认服务器已开机、CouchDB 服务在运行。',
    'not-couchdb': '这个地址上回答的不是 CouchDB 服务器。请检查地址和端口（CouchDB 默认 5984，HTTPS 常用 6984）。',
    'wrong-password': '用户名或密码不对。请核对后重新输入；忘记了请找服务器管理员重设。',
    'no-access': '这个用户没有权限打开该数据库。请服务器管理员把该用户加为这个数据库的成员。',
    'database-missing': '服务器上没有这个数据库。请检查名称，或请服务器管理员为本县建好数据库。',
    'other-county': '这是{{name}}（{{code}}）的数据库，不是本县的，不能与它同步。请填写本县的数据库名称。',
    foreign: '这个数据库属于别的应用或本版本不认识的格式，不能与它同步。请为本县另建一个数据库。',
    unmarked: '这个数据库里已有别的数据，但没有本应用的标记，不能与它同步。请为本县另建一个空数据库。',
    'disk-full': '服务器的磁盘满了。请服务器管理员腾出空间，然后再试。',
    'server-error': '服务器出错了（HTTP {{status}}）。请稍后再试；一直这样请联系服务器管理员。',
  },
  problem: {
    'url-missing': '请填写服务器地址。',
    'url-invalid': '服务器地址写得不对，应以 http:// 或 https:// 开头，如 https://192.168.1.10:6984。',
    'url-not-http': '服务器地址应以 http:// 或 https:// 开头。',
    'url-has-credentials': '请不要把用户名或密码写进地址，分别填在下面的栏里。',
    'url-too-long': '服务器地址太长了（最多 2000 个字符）。',
    'database-invalid': '数据库名称应以小写字母开头，只含小写字母、数字和 _ $ ( ) + - /，如 ptp-451022。',
    'user-missing': '请填写用户名。',
    'user-too-long': '用户名太长了（最多 200 个字符）。',
  },
};

export const syncEn: Widen<typeof syncZhCN> = {
  title: 'Sync with other PCs',
  intro:
    'Several PCs share one data set through your county’s CouchDB server. Set the server’s connection here; syncing itself comes later.',
  serverUrl: 'Server address',
  serverUrlHint: 'Such as https://192.168.1.10:6984; do not put the user or password in the address',
  database: 'Database',
  databaseHint: 'Your county’s database, starting with a lowercase letter, such as ptp-451022',
  user: 'User',
  password: 'Password',
  passwordKept: 'A password is kept; leave this empty to use it',
  passwordDesktop: 'The password is kept encrypted by this PC’s system, never in the app’s database or its backups',
  passwordBrowser:
    'In the browser preview the password is kept in this page’s memory only: type it again after closing or reloading the page',
  test: 'Test the connection',
  testing: 'Connecting to the server…',
  save: 'Save the connection',
  saved: 'Sync connection saved',
  savedWithoutPassword:
    'The connection is saved, but this PC’s system cannot keep the password encrypted: it was not kept. Type it at each test or sync.',
  forget: 'Forget the password',
  forgotten: 'The kept password is deleted',
  passwordMissing: 'Type the password',
  countyMissing:
    'First set the organization and your county code under “Operator” above: sync recognises your county’s database by them.',
  county: 'Your county: {{name}} ({{code}})',
  outcome: {
    ok: 'Connected: this is your county’s database.',
    empty: 'Connected: the database is empty; the first sync marks it as your county’s ({{name}}).',
    unreachable:
      'The server cannot be reached. Check the network, the address and port, and that the server is on and CouchDB runs.',
    'not-couchdb':
      'What answers at this address is not a CouchDB server. Check the address and port (CouchDB uses 5984, often 6984 for HTTPS).',
    'wrong-password':
      'The user or password is wrong. Check and type it again; if forgotten, ask the server’s administrator to reset it.',
    'no-access': 'This user may not open the database. Ask the server’s administrator to make the user a member of it.',
    'database-missing':
      'The server has no such database. Check the name, or ask the administrator to create your county’s database.',
    'other-county':
      'This is {{name}}’s database ({{code}}), not your county’s: it cannot be synced with. Enter your county’s database.',
    foreign:
      'This database belongs to another app, or to a format this version does not know: it cannot be synced with. Create another one for your county.',
    unmarked:
      'This database holds other data without this app’s marker: it cannot be synced with. Create an empty database for your county.',
    'disk-full': 'The server’s disk is full. Ask the server’s administrator to free some space, then try again.',
    'server-error':
      'The server failed (HTTP {{status}}). Try again later; if it keeps failing, contact the server’s administrator.',
  },
  problem: {
    'url-missing': 'Enter the server’s address.',
    'url-invalid': 'The address is not valid: it starts with http:// or https://, such as https://192.168.1.10:6984.',
    'url-not-http': 'The address must start with http:// or https://.',
    'url-has-credentials': 'Do not put the user or password in the address: enter them in the fields below.',
    'url-too-long': 'The address is too long (2,000 characters at most).',
    'database-invalid':
      'A database name starts with a lowercase letter and holds only lowercase letters, digits and _ $ ( ) + - /, such as ptp-451022.',
    'user-missing': 'Enter the user.',
    'user-too-long': 'The user is too long (200 characters at most).',
  },
};
