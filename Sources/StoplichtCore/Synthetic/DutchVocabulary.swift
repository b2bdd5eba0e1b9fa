/// Words for synthetic municipalities, programmes, projects and their texts: plausible
/// Dutch, so generated reports read (and measure) like real ones.
enum DutchVocabulary {
    static let placeStarts = [
        "Zuid", "Noord", "Oost", "West", "Groot", "Klein", "Nieuw", "Oud", "Hoog", "Laag",
        "Beek", "Holt", "Ter", "Sint", "Wester", "Ooster",
    ]
    static let placeEnds = [
        "veen", "dam", "hoven", "broek", "wijk", "dorp", "horst", "hem", "lo", "mond", "berg",
        "dijk", "sloot", "wolde", "kerk", "zande", "recht", "haven", "meer", "rade",
    ]

    static let themes = [
        "Dienstverlening", "Sociaal Domein", "Omgevingswet", "Duurzaamheid", "Informatievoorziening",
        "Wonen", "Mobiliteit", "Veiligheid", "Economie en werk", "Onderwijs", "Cultuur en sport",
        "Openbare ruimte", "Bedrijfsvoering", "Participatie", "Energietransitie",
    ]

    static let actions = [
        "Invoering", "Vervanging", "Doorontwikkeling", "Aanbesteding", "Implementatie",
        "Herinrichting", "Digitalisering", "Migratie", "Harmonisatie", "Herziening", "Uitrol",
        "Verbetering", "Inrichting", "Evaluatie",
    ]
    static let objects = [
        "zaaksysteem", "klantcontactcentrum", "website", "e-formulieren", "digitaal archief",
        "telefonie", "vergunningverlening", "burgerzaken", "sportpark", "fietspadennet",
        "openbare verlichting", "gemeentehuis", "raadsinformatiesysteem", "basisregistratie adressen",
        "wijkteams", "jeugdhulp", "schuldhulpverlening", "warmtevisie", "laadpalen",
        "parkeerbeleid", "afvalinzameling", "begraafplaatsen", "intranet", "werkplekken",
        "informatiebeveiliging", "privacybeleid", "subsidieregeling", "omgevingsvisie",
        "bestemmingsplannen", "leerlingenvervoer", "bibliotheek", "zwembad", "speelplaatsen",
        "riolering", "groenonderhoud", "inkoopbeleid", "personeelssysteem", "financieel systeem",
    ]
    static let items = [
        "Inventarisatie", "Programma van eisen", "Aanbesteding", "Inrichting", "Testen",
        "Opleiding medewerkers", "Livegang", "Nazorg", "Communicatie", "Overdracht aan de lijn",
    ]

    static let firstNames = [
        "Anne", "Bram", "Carla", "Daan", "Eva", "Femke", "Gert", "Hanneke", "Ingrid", "Jeroen",
        "Karin", "Lars", "Marieke", "Niels", "Olga", "Pieter", "Renske", "Sander", "Tineke",
        "Ulco", "Vera", "Willem", "Yvonne", "Zoë", "Bart", "Sieka", "Joke", "Harm", "Lotte", "Koen",
    ]
    static let lastNames = [
        "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "Dijkstra", "Geldof", "van den Berg", "Kok", "Vermeulen", "Post",
    ]
    static let firms = ["Censor Bestuur", "Adviesbureau Rijnland", "Van Bergen Advies", "Kwartier Projecten"]

    static let progress = [
        "De werkzaamheden verlopen volgens planning.",
        "De leverancier heeft de eerste oplevering gedaan; de acceptatietest loopt.",
        "Het projectplan is vastgesteld door de stuurgroep.",
        "De medewerkers zijn opgeleid en werken met de nieuwe werkwijze.",
        "Er is overleg gevoerd met de ketenpartners over de koppelingen.",
        "De aanbesteding is gegund; het contract wordt getekend.",
        "De eerste fase is afgerond en geëvalueerd.",
        "Het beheer is belegd bij de afdeling Informatievoorziening.",
    ]
    static let concerns = [
        "De capaciteit bij de afdeling is krap door ziekte en vacatures.",
        "De leverancier levert later dan afgesproken.",
        "De koppeling met het landelijke systeem is nog niet getest.",
        "De kosten vallen hoger uit dan geraamd.",
        "Er is afhankelijkheid van een project dat vertraging heeft.",
        "Het draagvlak bij de gebruikers vraagt extra aandacht.",
    ]
    static let consequences = [
        "De oplevering schuift een kwartaal op.",
        "Het programmadoel voor de digitale dienstverlening komt later in zicht.",
        "Er is aanvullend budget nodig om het project af te ronden.",
        "De overdracht aan de lijnorganisatie wordt uitgesteld.",
    ]
    static let measures = [
        "Tijdelijke inhuur van een projectmedewerker.",
        "Wekelijks voortgangsoverleg met de leverancier.",
        "De planning is herzien en voorgelegd aan de stuurgroep.",
        "Een voorstel voor extra krediet gaat naar het college.",
    ]
    static let nextSteps = [
        "Afronden van de testfase.", "Voorbereiden van de livegang.", "Opstellen van het overdrachtsdocument.",
        "Evalueren met de gebruikers.", "Starten met de volgende fase.", "Uitwerken van het ontwerp.",
    ]
    static let sections: [(key: String, number: Int?, title: String, body: String)] = [
        (
            "inleiding", nil, "Inleiding",
            "Deze rapportage geeft de stand van zaken van het programma weer. Per project is met een stoplicht aangegeven hoe het ervoor staat."
        ),
        (
            "successen", 1, "Successen",
            "Er zijn deze periode verschillende projecten opgeleverd en overgedragen aan de lijnorganisatie."
        ),
        (
            "gevraagde-besluiten", 2, "Gevraagde besluiten",
            "Het college wordt gevraagd de onderstaande besluiten te nemen."
        ),
        (
            "financien", 3, "Financiën",
            "De projecten blijven binnen het beschikbare krediet, met uitzondering van de genoemde tekorten."
        ),
        ("risicos", 4, "Risico's/aandachtspunten", "De belangrijkste risico's en aandachtspunten staan hieronder."),
        ("organisatie", 5, "Organisatie", "De capaciteit van de projectleiders is een blijvend aandachtspunt."),
        (
            "tijd-capaciteit", 6, "Tijd & capaciteit",
            "De meeste projecten lopen op schema; enkele projecten zijn uitgesteld."
        ),
        (
            "informatie-communicatie", 7, "Informatie/communicatie",
            "Medewerkers en inwoners worden via intranet en website geïnformeerd."
        ),
    ]
    static let decisions = [
        "Kennisnemen van de voortgang van het programma.",
        "Instemmen met het uitstellen van een project tot het volgende jaar.",
        "Aanvullend krediet beschikbaar stellen voor de vervanging van de telefonie.",
    ]
    static let risks: [(description: String, cause: String, impact: String, measures: String)] = [
        (
            "Onvoldoende capaciteit", "Vacatures bij de uitvoerende afdelingen", "Vertraging van meerdere projecten",
            "Prioriteren en tijdelijke inhuur"
        ),
        (
            "Afhankelijkheid van leveranciers", "Weinig aanbieders op de markt", "Hogere kosten en latere oplevering",
            "Strakke contractafspraken en regelmatig overleg"
        ),
        (
            "Informatiebeveiliging", "Nieuwe koppelingen met externe systemen", "Kans op datalekken",
            "Een privacy-impactanalyse per koppeling"
        ),
    ]
}
