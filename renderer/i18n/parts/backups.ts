/**
 * Texts of backups and restore (issue 7): the settings card, the restore dialog, the automatic
 * backups' notices and the reasons a file is refused, in both languages side by side.
 */
import type { Widen } from '../widen';

export const backupsZhCN = {
  title: '数据备份',
  hint: '备份文件包含全部数据（务工人员、企业、线路、批次、体检、操作日志和设置），并附清单、校验码和本机的签名。软件每天首次启动时、升级数据库前、恢复备份前和匿名化前都会自动备份；自动备份用本机的密钥加密，只能在本机恢复。',
  place: {
    'data-folder':
      '备份保存在本机的数据文件夹中。自动备份保留最近 7 天每天一份、最近 4 周每周一份；手动备份保留最近 30 份，更早的会被删除。建议定期“另存一份”到移动硬盘或其他电脑。',
    session: '浏览器版没有数据文件夹：这里列出本次打开期间做的备份，关闭页面后就没有了，请及时下载保存。',
  },
  backUpNow: '立即备份',
  offeredGone: '打不开这个备份文件：它已被移走、删除或过大。',
  passphrase: '备份密码（可选）',
  passphraseHint:
    '设置后备份文件会加密，恢复时须输入同一密码。密码不会被保存，忘记后无法恢复。不论是否加密，每份备份都带有本机的签名：在本机恢复时，文件若在制作后被改动过（连校验码一起改写也一样），或来自别的电脑、没有签名，都会先警告，确认后才恢复。',
  passphraseRepeat: '再次输入密码',
  passphraseMismatch: '两次输入的密码不一致',
  phase: {
    reading: '正在读取数据',
    packing: '正在压缩',
    checking: '正在校验备份文件',
    'saving-current': '正在备份当前数据',
    writing: '正在写入数据',
  },
  progress: '{{phase}}（{{done}} / {{total}}）',
  progressLabel: '进度',
  cancel: '取消',
  made: '备份已完成：{{fileName}}（{{size}} MB）',
  madeDownload: '备份已完成，已开始下载：{{fileName}}',
  cancelled: '已取消，未做任何更改',
  manualRotated: '手动备份只保留最近 {{count}} 份，已删除最早的：{{fileNames}}',
  failed: '备份失败：{{message}}',
  list: {
    title: '已有备份',
    label: '备份列表',
    empty: '还没有备份。',
    time: '时间',
    kind: '类型',
    size: '大小',
    contents: '内容',
    actions: '操作',
    encrypted: '已加密',
    sealedHere: '本机密钥加密',
    sealedElsewhere: '其他安装的密钥加密',
    unreadable: '无法读取',
    sizeMb: '{{size}} MB',
    counts: '务工人员 {{workers}} 人，批次 {{batches}} 个，共 {{total}} 条记录',
    download: '下载',
    downloadLabel: '下载 {{time}} 的备份',
    saveCopy: '另存一份…',
    saveCopyLabel: '另存 {{time}} 的备份',
    restore: '恢复',
    restoreLabel: '恢复 {{time}} 的备份',
    delete: '删除',
    deleteLabel: '删除 {{time}} 的备份',
    deleteTitle: '删除这份备份？',
    deleteText: '删除 {{time}} 的备份文件。此操作不能撤销。',
    deleted: '已删除备份',
    gone: '找不到这份备份文件了',
  },
  kind: {
    manual: '手动备份',
    'automatic-start': '每日自动备份',
    'before-upgrade': '升级前自动备份',
    'before-restore': '恢复前自动备份',
    'before-anonymise': '匿名化前自动备份',
  },
  restoreFromFile: '从文件恢复…',
  fileFilter: '点对点备份文件',
  restore: {
    title: '恢复备份',
    checking: '正在校验备份文件…',
    file: '文件',
    createdAt: '备份时间',
    operator: '备份操作员',
    noOperator: '未填写',
    appVersion: '软件版本',
    schemaVersion: '数据库版本',
    upgraded: '这是旧版软件制作的备份（数据库版本 {{from}}），恢复时会自动升级到当前版本 {{to}}。',
    warning: '恢复会用备份中的数据替换当前的全部数据。替换之前会先自动备份当前数据，万一恢复错了可以再恢复回来。',
    table: '数据',
    now: '当前',
    inFile: '备份中',
    countsLabel: '当前数据与备份数据对比',
    confirm: '用此备份替换当前数据',
    passphraseNeeded: '这份备份已加密，请输入备份时设置的密码。',
    passphrase: '备份密码',
    open: '打开',
    done: '已恢复 {{total}} 条记录。请重新加载软件，让所有页面显示恢复后的数据。',
    previousKept: '恢复前的数据已自动备份：{{fileName}}',
    reload: '重新加载',
    close: '关闭',
    cancelled: '已取消恢复，当前数据未做任何更改。',
    failed: '恢复失败，当前数据未做任何更改：{{message}}',
    // Who made the file (issue 16, item 2): what the signature check found, in its own words.
    origin: {
      'this-installation': '签名有效：这份备份由本机制作，制作后未被改动。',
      'other-installation':
        '此备份不是本机制作的（来自安装 {{installation}}）：本机无法核对它的签名，不能证明它在制作后未被改动。',
      'bad-signature':
        '签名无效：这份备份自称由本机制作，但签名与内容不符，文件在制作后被改动过（例如记录被改写、校验码被重新计算）。',
      unsigned:
        '此备份没有签名（由旧版本软件制作，或签名被去掉了）：无法证明它是本机制作的，也无法证明它在制作后未被改动。',
      passphrase: '备份密码打开了它：加密的内容在加密之后未被改动。但任何知道这个密码的人都能制作这样的文件。',
      confirm: '我已了解以上情况，仍要用这份备份替换当前数据',
    },
  },
  refusal: {
    'not-a-backup': '这不是本软件的备份文件。',
    'unsupported-format':
      '这个备份文件由更新版本的软件制作（文件格式 {{fileFormat}}，本软件只认识 {{appFormat}}），请先升级软件。',
    empty: '这个文件是空的（0 字节），里面没有任何数据，无法恢复。',
    truncated: '备份文件不完整（可能复制时中断，或存储空间不足），无法恢复。',
    damaged: '备份文件已损坏，无法读取。',
    'checksum-mismatch': '备份文件的内容与其校验码不符：文件在制作之后损坏或被改动过，无法恢复。',
    'contents-mismatch': '备份文件的内容与其清单不符（{{table}}），可能被人为改写过，无法恢复。',
    'contents-mismatch-file': '备份文件的内容与其清单不符，可能被人为改写过，无法恢复。',
    'invalid-record':
      '备份中“{{table}}”的第 {{record}} 条记录（编号 {{key}}）的“{{field}}”{{problem}}。本软件不会写出这样的数据，这份备份无法恢复。',
    'invalid-record-no-key':
      '备份中“{{table}}”的第 {{record}} 条记录的“{{field}}”{{problem}}。本软件不会写出这样的数据，这份备份无法恢复。',
    'duplicate-value':
      '备份中“{{table}}”的第 {{first}} 条和第 {{second}} 条记录的“{{field}}”相同，而每条记录的“{{field}}”必须不同。这份备份无法恢复。',
    'expands-too-much':
      '备份文件解压后远大于其声明的大小（已在 {{limit}} MB 处停止读取）：这不是本软件写出的备份，可能是人为构造的，无法恢复。',
    'newer-schema':
      '这个备份由更新版本的软件制作（数据库版本 {{fileVersion}}，本软件为 {{appVersion}}），请先升级软件再恢复。',
    'passphrase-required': '这份备份已加密，请输入密码。',
    'wrong-passphrase': '密码不正确，无法打开这份备份。',
    'other-installation':
      '这份自动备份是另一处安装的本软件（安装编号 {{installation}}）制作的，用那里的密钥加密，只能在那里打开，在这里无法恢复。',
    'origin-unconfirmed': '这份备份不能证明是本机制作且未被改动过，须先阅读并确认警告才能恢复。',
    'too-large': '文件太大，不是本软件的备份文件。',
    unchanged: '当前数据未做任何更改。',
  },
  recordProblem: {
    invalid: '格式不对',
    'too-long': '太长（超过 {{max}} 个字符）',
    'unknown-value': '是本软件不认识的值',
    missing: '缺失',
    rule: '不合规：{{rule}}',
    wholeRecord: '整条记录',
  },
  automatic: {
    offered: '已自动备份数据（{{kind}}）。浏览器版的备份只保留到关闭此页面为止，请下载保存。',
    download: '下载备份',
    failed: '自动备份失败：{{message}}',
  },
  otherWindow: '另一个窗口恢复了备份。请重新加载此窗口，以显示恢复后的数据。',
  // The installation key (issue 16, items 2 and 4): where it is kept, said as it is.
  key: {
    installation: '本机安装编号：{{installation}}',
    system: '签名和加密自动备份所用的本机密钥由操作系统加密保存在本机的数据文件夹中，从不写入备份。',
    unprotected:
      '本机的操作系统不提供加密存储：签名和加密自动备份所用的密钥以明文保存在数据文件夹中，能读取该文件夹的人都能以本机的名义签名备份、打开自动备份。',
    browser:
      '浏览器版：签名和加密自动备份所用的密钥保存在本浏览器的数据中，无法读出，但任何用这个浏览器打开本软件的人都能使用它，比桌面版弱。',
  },
} as const;

export const backupsEn: Widen<typeof backupsZhCN> = {
  title: 'Backups',
  hint: 'A backup file holds all the data (workers, enterprises, routes, batches, health checks, the audit trail and the settings), with a manifest, a checksum and this installation’s signature. The app also backs up by itself at its first start each day, before a database upgrade, before every restore and before anonymising; those automatic backups are encrypted with this installation’s key and restore only here.',
  place: {
    'data-folder':
      'Backups are kept in the app’s data folder on this PC. Automatic backups are kept for the last 7 days (one a day) and the last 4 weeks (one a week); the newest 30 manual ones are kept, older ones are deleted. Save a copy to a USB drive or another PC now and then.',
    session:
      'The browser version has no data folder: the backups made since this page was opened are listed here and are gone when it closes. Download them to keep them.',
  },
  backUpNow: 'Back up now',
  offeredGone: 'The backup file could not be opened: it was moved, deleted, or is too large.',
  passphrase: 'Passphrase (optional)',
  passphraseHint:
    'With a passphrase the file is encrypted, and restoring it asks for the same passphrase. It is not stored anywhere: if it is forgotten, the backup cannot be restored. Encrypted or not, every backup carries this installation’s signature: restoring here, a file changed after it was made (even with its checksum rewritten), made elsewhere or unsigned is restored only after a warning is confirmed.',
  passphraseRepeat: 'Passphrase again',
  passphraseMismatch: 'The two passphrases differ',
  phase: {
    reading: 'Reading the data',
    packing: 'Compressing',
    checking: 'Checking the backup file',
    'saving-current': 'Backing up the current data',
    writing: 'Writing the data',
  },
  progress: '{{phase}}: {{done}} / {{total}}',
  progressLabel: 'Progress',
  cancel: 'Cancel',
  made: 'Backup done: {{fileName}} ({{size}} MB)',
  madeDownload: 'Backup done, download started: {{fileName}}',
  cancelled: 'Cancelled, nothing was changed',
  manualRotated: 'Only the newest {{count}} manual backups are kept; the oldest was deleted: {{fileNames}}',
  failed: 'The backup failed: {{message}}',
  list: {
    title: 'Backups made',
    label: 'Backups',
    empty: 'No backups yet.',
    time: 'Time',
    kind: 'Kind',
    size: 'Size',
    contents: 'Contents',
    actions: 'Actions',
    encrypted: 'Encrypted',
    sealedHere: 'Encrypted with this PC’s key',
    sealedElsewhere: 'Encrypted with another installation’s key',
    unreadable: 'Unreadable',
    sizeMb: '{{size}} MB',
    counts: '{{workers}} workers, {{batches}} batches, {{total}} records in all',
    download: 'Download',
    downloadLabel: 'Download the backup of {{time}}',
    saveCopy: 'Save a copy…',
    saveCopyLabel: 'Save a copy of the backup of {{time}}',
    restore: 'Restore',
    restoreLabel: 'Restore the backup of {{time}}',
    delete: 'Delete',
    deleteLabel: 'Delete the backup of {{time}}',
    deleteTitle: 'Delete this backup?',
    deleteText: 'The backup file of {{time}} will be deleted. This cannot be undone.',
    deleted: 'Backup deleted',
    gone: 'This backup file is no longer there',
  },
  kind: {
    manual: 'Manual',
    'automatic-start': 'Daily, automatic',
    'before-upgrade': 'Before an upgrade, automatic',
    'before-restore': 'Before a restore, automatic',
    'before-anonymise': 'Before anonymising, automatic',
  },
  restoreFromFile: 'Restore from file…',
  fileFilter: 'Point-to-point backups',
  restore: {
    title: 'Restore a backup',
    checking: 'Checking the backup file…',
    file: 'File',
    createdAt: 'Made at',
    operator: 'Made by',
    noOperator: 'not set',
    appVersion: 'App version',
    schemaVersion: 'Database version',
    upgraded:
      'This backup was made by an older version of the app (database version {{from}}); it is upgraded to the current version {{to}} as it is restored.',
    warning:
      'Restoring replaces all the data now in the app with the data in the backup. The current data is backed up first, so a wrong restore can be undone.',
    table: 'Data',
    now: 'Now',
    inFile: 'In the backup',
    countsLabel: 'The data now and in the backup',
    confirm: 'Replace the current data with this backup',
    passphraseNeeded: 'This backup is encrypted. Enter the passphrase it was made with.',
    passphrase: 'Passphrase',
    open: 'Open',
    done: '{{total}} records restored. Reload the app so that every page shows the restored data.',
    previousKept: 'The data as it was before is backed up as {{fileName}}',
    reload: 'Reload',
    close: 'Close',
    cancelled: 'Restore cancelled; the current data is unchanged.',
    failed: 'The restore failed; the current data is unchanged: {{message}}',
    origin: {
      'this-installation': 'Signature valid: this backup was made on this installation and is unchanged since.',
      'other-installation':
        'This backup was not made here (it comes from installation {{installation}}): its signature cannot be checked here, so nothing shows that it is unchanged since it was made.',
      'bad-signature':
        'Invalid signature: this backup says it was made here, but its signature does not match its contents. The file was changed after it was made (records rewritten and the checksum computed again, for instance).',
      unsigned:
        'This backup has no signature (made by an older version of the app, or the signature was removed): nothing shows that it was made here or that it is unchanged since it was made.',
      passphrase:
        'The passphrase opened it: the encrypted contents are unchanged since they were encrypted. But anyone who knows the passphrase can make such a file.',
      confirm: 'I have read this and still want to replace the current data with this backup',
    },
  },
  refusal: {
    'not-a-backup': 'This is not a backup file of this app.',
    'unsupported-format':
      'This backup file was made by a newer version of the app (file format {{fileFormat}}; this app reads {{appFormat}}). Update the app first.',
    empty: 'This file is empty (0 bytes): it holds no data and cannot be restored.',
    truncated: 'The backup file is incomplete (a copy cut short, or a full disk) and cannot be restored.',
    damaged: 'The backup file is damaged and cannot be read.',
    'checksum-mismatch':
      'The contents of the backup file do not match its checksum: the file was damaged or changed after it was made, so it cannot be restored.',
    'contents-mismatch':
      'The contents of the backup file do not match its manifest ({{table}}): it may have been rewritten by hand, so it cannot be restored.',
    'contents-mismatch-file':
      'The contents of the backup file do not match its manifest: it may have been rewritten by hand, so it cannot be restored.',
    'invalid-record':
      'Record {{record}} of {{table}} in the backup (key {{key}}): {{field}} {{problem}}. The app never writes such data, so this backup cannot be restored.',
    'invalid-record-no-key':
      'Record {{record}} of {{table}} in the backup: {{field}} {{problem}}. The app never writes such data, so this backup cannot be restored.',
    'duplicate-value':
      'Records {{first}} and {{second}} of {{table}} in the backup have the same {{field}}, which must differ from record to record. This backup cannot be restored.',
    'expands-too-much':
      'The backup file unpacks to far more than it declares (reading stopped at {{limit}} MB): this app never writes such a file, it may have been crafted, and it cannot be restored.',
    'newer-schema':
      'This backup was made by a newer version of the app (database version {{fileVersion}}; this app has {{appVersion}}). Update the app before restoring it.',
    'passphrase-required': 'This backup is encrypted. Enter its passphrase.',
    'wrong-passphrase': 'The passphrase is wrong; the backup cannot be opened.',
    'other-installation':
      'This automatic backup was made by another installation of the app (installation {{installation}}) and encrypted with its key: it opens only there and cannot be restored here.',
    'origin-unconfirmed':
      'Nothing shows that this backup was made here and is unchanged: read and confirm the warning before restoring it.',
    'too-large': 'The file is too large to be a backup of this app.',
    unchanged: 'The current data has not been changed.',
  },
  recordProblem: {
    invalid: 'is not in a form the app writes',
    'too-long': 'is too long (over {{max}} characters)',
    'unknown-value': 'holds a value the app does not know',
    missing: 'is missing',
    rule: 'breaks a rule: {{rule}}',
    wholeRecord: 'the record',
  },
  automatic: {
    offered:
      'The data was backed up automatically ({{kind}}). In the browser version a backup lasts only until this page closes: download it to keep it.',
    download: 'Download the backup',
    failed: 'The automatic backup failed: {{message}}',
  },
  otherWindow: 'A backup was restored in another window. Reload this window to see the restored data.',
  key: {
    installation: 'This installation: {{installation}}',
    system:
      'The key that signs backups and encrypts the automatic ones is kept in the data folder, encrypted by the operating system; it is never written into a backup.',
    unprotected:
      'The operating system offers no encrypted storage here: the key that signs backups and encrypts the automatic ones is kept in clear in the data folder, and anyone who can read that folder can sign backups as this installation and open its automatic backups.',
    browser:
      'Browser version: the key that signs backups and encrypts the automatic ones is kept in this browser’s data. It cannot be read out, but anyone who opens the app in this browser can use it, which is weaker than the desktop version.',
  },
};
