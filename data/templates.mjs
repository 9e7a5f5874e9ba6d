// Sentence templates of the demo corpus: English with German, French and
// Spanish references, written for this project. Each template is a
// function of its slot values; slots carry their own form in each
// language so articles, gender and prepositions agree.

const city = (en, de, fr, es) => ({ en, de, fr, es });
export const CITIES = [
  city('Berlin', 'Berlin', 'Berlin', 'Berlín'),
  city('Paris', 'Paris', 'Paris', 'París'),
  city('Madrid', 'Madrid', 'Madrid', 'Madrid'),
  city('Vienna', 'Wien', 'Vienne', 'Viena'),
  city('Rome', 'Rom', 'Rome', 'Roma'),
  city('Lisbon', 'Lissabon', 'Lisbonne', 'Lisboa'),
  city('Prague', 'Prag', 'Prague', 'Praga'),
  city('Munich', 'München', 'Munich', 'Múnich'),
  city('Geneva', 'Genf', 'Genève', 'Ginebra'),
  city('Brussels', 'Brüssel', 'Bruxelles', 'Bruselas'),
];

const TIMES = ['6:15', '7:30', '8:45', '9:10', '10:20', '11:05'];
const time = (t) => ({
  en: t,
  de: `${t} Uhr`,
  fr: t.replace(':', ' h '),
  es: t,
});

const NUMBERS = [
  ['two', 'zwei', 'deux', 'dos'],
  ['three', 'drei', 'trois', 'tres'],
  ['four', 'vier', 'quatre', 'cuatro'],
  ['five', 'fünf', 'cinq', 'cinco'],
  ['six', 'sechs', 'six', 'seis'],
  ['seven', 'sieben', 'sept', 'siete'],
  ['eight', 'acht', 'huit', 'ocho'],
  ['nine', 'neun', 'neuf', 'nueve'],
].map(([en, de, fr, es]) => ({ en, de, fr, es }));

const row = (en, de, fr, es) => ({ en, de, fr, es });

const VEHICLES = [
  { en: 'train', de: ['Der Zug', 'fährt um', ' ab'], fr: 'Le train', es: 'El tren' },
  { en: 'bus', de: ['Der Bus', 'fährt um', ' ab'], fr: 'Le bus', es: 'El autobús' },
  { en: 'flight', de: ['Der Flug', 'startet um', ''], fr: 'Le vol', es: 'El vuelo' },
  {
    en: 'night train',
    de: ['Der Nachtzug', 'fährt um', ' ab'],
    fr: 'Le train de nuit',
    es: 'El tren nocturno',
  },
];

const DOCS = [
  row('report', 'den Bericht', 'le rapport', 'el informe'),
  row('invoice', 'die Rechnung', 'la facture', 'la factura'),
  row('contract', 'den Vertrag', 'le contrat', 'el contrato'),
  row('presentation', 'die Präsentation', 'la présentation', 'la presentación'),
  row('schedule', 'den Zeitplan', 'le planning', 'el calendario'),
];

const DAYS = [
  row('Monday', 'Montag', 'lundi', 'lunes'),
  row('Tuesday', 'Dienstag', 'mardi', 'martes'),
  row('Wednesday', 'Mittwoch', 'mercredi', 'miércoles'),
  row('Thursday', 'Donnerstag', 'jeudi', 'jueves'),
  row('Friday', 'Freitag', 'vendredi', 'viernes'),
];

const ITEMS = [
  row('coffee', 'ein Kaffee', 'un café', 'un café'),
  row('ticket', 'eine Fahrkarte', 'un billet', 'un billete'),
  row('hotel room', 'ein Hotelzimmer', "une chambre d'hôtel", 'una habitación de hotel'),
  row('sandwich', 'ein Sandwich', 'un sandwich', 'un bocadillo'),
];

const RELATIVES = [
  row('brother', 'Mein Bruder', 'Mon frère', 'Mi hermano'),
  row('sister', 'Meine Schwester', 'Ma sœur', 'Mi hermana'),
  row('grandmother', 'Meine Großmutter', 'Ma grand-mère', 'Mi abuela'),
  row('cousin', 'Mein Cousin', 'Mon cousin', 'Mi primo'),
];

const SEASONS = [
  row('summer', 'Sommer', 'été', 'verano'),
  row('winter', 'Winter', 'hiver', 'invierno'),
  row('spring', 'Frühling', 'printemps', 'primavera'),
  row('autumn', 'Herbst', 'automne', 'otoño'),
];

const WEATHER = [
  row('sunny', 'sonnig', 'ensoleillé', 'soleado'),
  row('rainy', 'regnerisch', 'pluvieux', 'lluvioso'),
  row('cold', 'kalt', 'froid', 'frío'),
  row('windy', 'windig', 'venteux', 'ventoso'),
  row('warm', 'warm', 'chaud', 'cálido'),
];

const THINGS = [
  row('chairs', 'Stühle', 'chaises', 'sillas'),
  row('tables', 'Tische', 'tables', 'mesas'),
  row('microphones', 'Mikrofone', 'microphones', 'micrófonos'),
  row('laptops', 'Laptops', 'ordinateurs portables', 'portátiles'),
];

const SHOPS = [
  row('pharmacy', 'Die Apotheke', 'La pharmacie', 'La farmacia'),
  row('bakery', 'Die Bäckerei', 'La boulangerie', 'La panadería'),
  row('library', 'Die Bibliothek', 'La bibliothèque', 'La biblioteca'),
  row('museum', 'Das Museum', 'Le musée', 'El museo'),
  row('post office', 'Die Post', 'La poste', 'La oficina de correos'),
];

const WEEKEND = [
  row('Saturdays', 'samstags', 'le samedi', 'los sábados'),
  row('Sundays', 'sonntags', 'le dimanche', 'los domingos'),
];

const CLOSING = ['17:45', '18:00', '19:30', '20:00'];

const WHEN = [
  row('tonight', 'für heute Abend', 'pour ce soir', 'para esta noche'),
  row('tomorrow evening', 'für morgen Abend', 'pour demain soir', 'para mañana por la noche'),
  row('on Friday', 'für Freitag', 'pour vendredi', 'para el viernes'),
];

const DEVICES = [
  row('printer', 'Der Drucker', "L'imprimante", 'La impresora'),
  row('heating', 'Die Heizung', 'Le chauffage', 'La calefacción'),
  row('lift', 'Der Aufzug', "L'ascenseur", 'El ascensor'),
  row('light', 'Das Licht', 'La lumière', 'La luz'),
  row('projector', 'Der Beamer', 'Le projecteur', 'El proyector'),
];

const ROOMS = [
  row('office', 'im Büro', 'du bureau', 'de la oficina'),
  row('hallway', 'im Flur', 'du couloir', 'del pasillo'),
  row('meeting room', 'im Besprechungsraum', 'de la salle de réunion', 'de la sala de reuniones'),
  row('entrance hall', 'in der Eingangshalle', "du hall d'entrée", 'del vestíbulo'),
];

const TOPICS = [
  row('message', 'Nachricht', 'message', 'mensaje'),
  row('order', 'Bestellung', 'commande', 'pedido'),
  row('question', 'Frage', 'question', 'pregunta'),
];

const REPLY = [
  row('within two days', 'innerhalb von zwei Tagen', 'sous deux jours', 'en un plazo de dos días'),
  row('tomorrow', 'morgen', 'demain', 'mañana'),
  row('as soon as possible', 'so bald wie möglich', 'dès que possible', 'lo antes posible'),
  row('next week', 'nächste Woche', 'la semaine prochaine', 'la próxima semana'),
];

const SPEAK = [
  row('slowly', 'langsamer', 'plus lentement', 'más despacio'),
  row('loudly', 'lauter', 'plus fort', 'más alto'),
  row('clearly', 'deutlicher', 'plus clairement', 'más claro'),
];

const ROOM_NUMBERS = ['12', '27', '104', '118', '203', '215', '310', '342'];

/** Every template with the cross product of its slots. */
export const TEMPLATES = [
  {
    slots: [VEHICLES, CITIES, TIMES.map(time)],
    make: (v, c, t) => ({
      en: `The ${v.en} to ${c.en} leaves at ${t.en}.`,
      de: `${v.de[0]} nach ${c.de} ${v.de[1]} ${t.de}${v.de[2]}.`,
      fr: `${v.fr} pour ${c.fr} part à ${t.fr}.`,
      es: `${v.es} a ${c.es} sale a las ${t.es}.`,
    }),
  },
  {
    slots: [DOCS, DAYS],
    make: (d, day) => ({
      en: `Please send me the ${d.en} by ${day.en}.`,
      de: `Bitte schicken Sie mir ${d.de} bis ${day.de}.`,
      fr: `Merci de m'envoyer ${d.fr} d'ici ${day.fr}.`,
      es: `Por favor, envíeme ${d.es} antes del ${day.es}.`,
    }),
  },
  {
    slots: [ITEMS, CITIES],
    make: (i, c) => ({
      en: `How much does a ${i.en} cost in ${c.en}?`,
      de: `Wie viel kostet ${i.de} in ${c.de}?`,
      fr: `Combien coûte ${i.fr} à ${c.fr} ?`,
      es: `¿Cuánto cuesta ${i.es} en ${c.es}?`,
    }),
  },
  {
    slots: [TIMES.map(time), ROOM_NUMBERS.map((n) => row(n, n, n, n))],
    make: (t, n) => ({
      en: `The meeting starts at ${t.en} in room ${n.en}.`,
      de: `Die Besprechung beginnt um ${t.de} in Raum ${n.de}.`,
      fr: `La réunion commence à ${t.fr} dans la salle ${n.fr}.`,
      es: `La reunión empieza a las ${t.es} en la sala ${n.es}.`,
    }),
  },
  {
    slots: [RELATIVES, CITIES, SEASONS],
    make: (r, c, s) => ({
      en: `My ${r.en} lives in ${c.en} and visits us every ${s.en}.`,
      de: `${r.de} wohnt in ${c.de} und besucht uns jeden ${s.de}.`,
      fr: `${r.fr} habite à ${c.fr} et nous rend visite chaque ${s.fr}.`,
      es: `${r.es} vive en ${c.es} y nos visita cada ${s.es}.`,
    }),
  },
  {
    slots: [SPEAK],
    make: (s) => ({
      en: `Could you speak a little more ${s.en}, please?`,
      de: `Könnten Sie bitte etwas ${s.de} sprechen?`,
      fr: `Pourriez-vous parler un peu ${s.fr}, s'il vous plaît ?`,
      es: `¿Podría hablar un poco ${s.es}, por favor?`,
    }),
  },
  {
    slots: [CITIES, WEATHER],
    make: (c, w) => ({
      en: `The weather in ${c.en} will be ${w.en} tomorrow.`,
      de: `Das Wetter in ${c.de} wird morgen ${w.de}.`,
      fr: `Demain, le temps à ${c.fr} sera ${w.fr}.`,
      es: `Mañana el tiempo en ${c.es} será ${w.es}.`,
    }),
  },
  {
    slots: [NUMBERS, THINGS],
    make: (n, t) => ({
      en: `We need ${n.en} more ${t.en} for the conference.`,
      de: `Wir brauchen noch ${n.de} ${t.de} für die Konferenz.`,
      fr: `Il nous faut encore ${n.fr} ${t.fr} pour la conférence.`,
      es: `Necesitamos ${n.es} ${t.es} más para la conferencia.`,
    }),
  },
  {
    slots: [SHOPS, WEEKEND, CLOSING.map((t) => row(t, `${t} Uhr`, t.replace(':', ' h '), t))],
    make: (s, d, t) => ({
      en: `The ${s.en} closes at ${t.en} on ${d.en}.`,
      de: `${s.de} schließt ${d.de} um ${t.de}.`,
      fr: `${s.fr} ferme à ${t.fr} ${d.fr}.`,
      es: `${s.es} cierra a las ${t.es} ${d.es}.`,
    }),
  },
  {
    slots: [NUMBERS, WHEN],
    make: (n, w) => ({
      en: `I would like to book a table for ${n.en} people ${w.en}.`,
      de: `Ich möchte einen Tisch für ${n.de} Personen ${w.de} reservieren.`,
      fr: `Je voudrais réserver une table pour ${n.fr} personnes ${w.fr}.`,
      es: `Quisiera reservar una mesa para ${n.es} personas ${w.es}.`,
    }),
  },
  {
    slots: [DEVICES, ROOMS],
    make: (d, r) => ({
      en: `The ${d.en} in the ${r.en} is not working.`,
      de: `${d.de} ${r.de} funktioniert nicht.`,
      fr: `${d.fr} ${r.fr} ne fonctionne pas.`,
      es: `${d.es} ${r.es} no funciona.`,
    }),
  },
  {
    slots: [TOPICS, REPLY],
    make: (t, r) => ({
      en: `Thank you for your ${t.en}; we will reply ${r.en}.`,
      de: `Vielen Dank für Ihre ${t.de}; wir antworten ${r.de}.`,
      fr: `Merci pour votre ${t.fr} ; nous répondrons ${r.fr}.`,
      es: `Gracias por su ${t.es}; responderemos ${r.es}.`,
    }),
  },
];
