import type { Messages } from './types';

const plural = (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`;

/** German. */
export const de: Messages = {
  locale: 'de',
  dir: 'ltr',
  loading: 'Sitzung wird geladen…',
  signedOut: 'Du bist abgemeldet.',
  signIn: 'Anmelden',
  status: {
    active: 'Aktiv',
    pending: 'Ausstehend',
    ended: 'Beendet',
    expired: 'Abgelaufen',
    revoked: 'Widerrufen',
    other: 'Inaktiv',
  },
  thisDevice: 'Dieses Gerät',
  created: 'Angemeldet',
  lastActive: 'Zuletzt aktiv',
  expires: 'Läuft ab',
  expiringSoon: (relative) => `Diese Sitzung läuft ${relative} ab. Melde dich erneut an, um weiterzuarbeiten.`,
  impersonating: (actor) => `${actor} ist als diese Person angemeldet (Identitätswechsel).`,
  signOut: 'Abmelden',
  cancel: 'Abbrechen',
  retry: 'Erneut versuchen',
  dismiss: 'Schließen',
  working: 'Wird ausgeführt…',
  unknownUser: 'Unbenanntes Konto',
  unknownDevice: 'Unbekanntes Gerät',
  clerkFailed: {
    title: 'Deine Sitzung konnte nicht geladen werden.',
    body: 'Clerk, der Anmeldedienst, ist nicht gestartet. Ursache kann ein Inhaltsblocker, ein Netzwerkproblem oder eine Störung bei Clerk sein. Prüfe deine Verbindung und lade die Seite neu.',
    reload: 'Seite neu laden',
  },
  errors: {
    network: 'Clerk ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
    generic: 'Etwas ist schiefgegangen. Versuche es erneut.',
    rateLimited: 'Zu viele Versuche. Warte einen Moment und versuche es erneut.',
    notFound: 'Diese Sitzung existiert nicht mehr.',
    reverification:
      'Clerk konnte nicht bestätigen, dass du es bist; die Sitzung bleibt angemeldet. Starte erneut und bestätige, wenn du gefragt wirst.',
  },
  switcher: {
    label: 'Konten in diesem Browser',
    trigger: (name) => `Konto: ${name}. Konto wechseln`,
    switchTo: (name, identifier) => `Zu ${name} (${identifier}) wechseln`,
    current: 'Aktuelles Konto',
    pending: 'Aktion erforderlich',
    signOutOf: (name) => `${name} abmelden`,
    addAccount: 'Konto hinzufügen',
    signOutAll: 'Von allen Konten abmelden',
    switched: (name) => `Zu ${name} gewechselt.`,
    switchFailed: (name) => `Wechsel zu ${name} fehlgeschlagen.`,
    signedOutOf: (name) => `${name} wurde abgemeldet.`,
  },
  revoke: {
    accountAction: 'Abmelden',
    deviceAction: 'Gerät abmelden',
    accountTitle: (name) => `${name} abmelden?`,
    deviceTitle: (device) => `${device} abmelden?`,
    accountBody: 'Dieses Konto wird aus diesem Browser entfernt. Andere Konten bleiben angemeldet.',
    deviceBody: 'Das Gerät wird sofort abgemeldet und muss sich neu anmelden. Dieses Gerät bleibt angemeldet.',
    confirm: 'Abmelden',
    currentRefused: 'Das ist die Sitzung, die du gerade nutzt. Beende sie mit „Abmelden“.',
    done: (target) => `${target} wurde abgemeldet.`,
    failed: (target) => `${target} konnte nicht abgemeldet werden.`,
  },
  signOutAll: {
    action: {
      'other-devices': 'Von allen anderen Geräten abmelden',
      'this-browser': 'Von allen Konten abmelden',
      everywhere: 'Überall abmelden',
    },
    title: {
      'other-devices': (count) => `Von ${plural(count, 'anderen Gerät', 'anderen Geräten')} abmelden?`,
      'this-browser': (count) => `${plural(count, 'Konto', 'Konten')} in diesem Browser abmelden?`,
      everywhere: (devices, accounts) =>
        `${plural(devices, 'anderes Gerät', 'andere Geräte')} und ${plural(accounts, 'Konto', 'Konten')} hier abmelden?`,
    },
    body: {
      'other-devices': 'Alle anderen Geräte mit deinem Konto müssen sich neu anmelden. Dieses Gerät bleibt angemeldet.',
      'this-browser': 'Alle Konten in diesem Browser werden abgemeldet. Deine anderen Geräte bleiben angemeldet.',
      everywhere: 'Zuerst werden deine anderen Geräte abgemeldet, dann alle Konten in diesem Browser.',
    },
    confirm: 'Abmelden',
    nothingToDo: {
      'other-devices': 'Kein anderes Gerät ist angemeldet.',
      'this-browser': 'In diesem Browser ist kein Konto angemeldet.',
      everywhere: 'Nichts ist angemeldet.',
    },
    done: (count) => `${plural(count, 'Sitzung', 'Sitzungen')} abgemeldet.`,
    partial: (failed, total) =>
      `${failed} von ${total} konnten nicht abgemeldet werden. Sie bleiben aufgelistet; versuche es erneut.`,
  },
  devices: {
    title: 'Aktive Geräte',
    description: 'Geräte, die mit deinem Konto angemeldet sind.',
    empty: 'Kein anderes Gerät ist angemeldet.',
    loadFailed: 'Deine Geräte konnten nicht geladen werden.',
    ipAddress: 'IP-Adresse',
    location: 'Ort',
    kind: { desktop: 'Computer', mobile: 'Mobilgerät', tablet: 'Tablet' },
  },
  idle: {
    title: 'Bist du noch da?',
    body: (time) => `Du warst eine Weile inaktiv. Zu deiner Sicherheit wirst du in ${time} abgemeldet.`,
    stay: 'Angemeldet bleiben',
    signOutNow: 'Jetzt abmelden',
    secondsLeft: (seconds) => `Noch ${seconds} Sekunden bis zur Abmeldung.`,
    failed: 'Abmelden fehlgeschlagen.',
  },
  expiry: {
    title: 'Deine Sitzung läuft ab',
    body: (time) =>
      `Deine Sitzung endet in ${time}. Melde dich erneut an, um weiterzuarbeiten; du kommst auf diese Seite zurück.`,
    signInAgain: 'Erneut anmelden',
  },
  ended: {
    title: 'Du wurdest abgemeldet',
    reason: {
      'other-tab': 'Du hast dich in einem anderen Tab oder Fenster dieses Browsers abgemeldet.',
      revoked: 'Dieses Gerät wurde von einem anderen Gerät aus abgemeldet.',
      expired: 'Deine Sitzung hat ihre maximale Dauer erreicht.',
      inactivity: 'Du wurdest nach einer Zeit der Inaktivität abgemeldet.',
    },
    signInAgain: 'Erneut anmelden',
  },
};
