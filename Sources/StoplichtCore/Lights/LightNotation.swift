import Foundation

/// Reads a light as people write it in a report cell: the seed's three lamps ("○ ● ○":
/// top lamp red, middle orange, bottom green), a colour, a word or phrase ("op schema",
/// "vraagt aandacht", "bijsturen"), a mark (✓ ! ✗), a letter (G/O/R), the UK five-point
/// scale (Green, Amber/Green, Amber, Amber/Red, Red) or a phrase per dimension
/// ("Conform planning", "Within budget", "Risico laag": `LightPhrases`).
public enum LightNotation {
    public enum Reading: Hashable, Sendable {
        /// The cell is empty: no light was set.
        case empty
        /// A light of this tone.
        case tone(LightDefinition.Tone)
        /// Between two tones, as the five-point scale's Amber/Green and Amber/Red.
        case between(better: LightDefinition.Tone, worse: LightDefinition.Tone)
        /// Finished (the seed's grijs).
        case finished
        /// Deliberately no light: "niet van toepassing", "nog niet gestart". Never green.
        case notRated(notStarted: Bool)
        /// A light of the programme's own scale, named by its code or label (from a mapping).
        case code(String)
        /// Every lamp is off: no light, unless the remarks say the project is finished.
        case allLampsOff
        /// More than one lamp lit; the worst is taken.
        case ambiguous(LightDefinition.Tone)
        /// Text that is no light notation this reader knows.
        case unknown(String)

        /// Whether the reading names a light (rather than no light or an unknown word).
        public var isLight: Bool {
            switch self {
            case .tone, .between, .finished, .code, .ambiguous: true
            case .empty, .notRated, .allLampsOff, .unknown: false
            }
        }

        /// The reading in words, for the dry run and messages.
        public var text: String {
            switch self {
            case .empty: ""
            case .tone(let tone): tone.colourName
            case .between(let better, let worse): "\(worse.colourName)/\(better.colourName)"
            case .finished: "afgerond"
            case .notRated(let notStarted): notStarted ? "nog niet gestart" : "niet beoordeeld"
            case .code(let code): code
            case .allLampsOff: "alle lampen uit"
            case .ambiguous(let tone): tone.colourName
            case .unknown(let text): text
            }
        }
    }

    /// The most serious of several lights (for an overall light from lights per
    /// dimension); finished only when all are; nil when none is a light.
    public static func worst(_ readings: [Reading]) -> Reading? {
        func severity(_ r: Reading) -> Int? {
            switch r {
            case .tone(.negative), .ambiguous(.negative): 50
            case .between(_, .negative): 40
            case .tone(.warning), .ambiguous(.warning): 30
            case .between(_, .warning): 20
            case .tone(.positive), .ambiguous(.positive): 10
            case .finished: 0
            default: nil
            }
        }
        let rated = readings.compactMap { r in severity(r).map { (r, $0) } }
        return rated.max { $0.1 < $1.1 }?.0
    }

    static let lit: Set<Character> = ["●", "⬤", "◉", "■"]
    static let off: Set<Character> = ["○", "◯", "□"]

    public static func read(_ cell: String) -> Reading {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .empty }
        let symbols = text.filter { !$0.isWhitespace }
        if !symbols.isEmpty, symbols.allSatisfy({ lit.contains($0) || off.contains($0) }) {
            return readLamps(Array(symbols))
        }
        return readWord(text)
    }

    /// Lamps from top to bottom: red, orange, green.
    private static func readLamps(_ lamps: [Character]) -> Reading {
        guard lamps.count == 3 else { return .unknown(String(lamps)) }
        let tones: [LightDefinition.Tone] = [.negative, .warning, .positive]
        let on = lamps.indices.filter { lit.contains(lamps[$0]) }.map { tones[$0] }
        switch on.count {
        case 0: return .allLampsOff
        case 1: return .tone(on[0])
        default: return .ambiguous(on[0])  // tones are listed worst first
        }
    }

    /// Words and phrases by meaning, lower case, without surrounding punctuation.
    static let words: [String: Reading] = {
        var words: [String: Reading] = [:]
        func add(_ reading: Reading, _ list: [String]) { for w in list { words[w] = reading } }
        add(
            .tone(.positive),
            [
                "groen", "green", "g", "op schema", "op koers", "volgens verwachting", "volgens planning", "loopt goed",
                "loopt volgens planning", "goed", "op orde", "geen problemen", "on track", "ok", "✓", "✔", "☑", "+",
            ])
        add(
            .tone(.warning),
            [
                "oranje", "geel", "amber", "orange", "yellow", "o", "a", "aandachtspunt", "behoeft aandacht",
                "vraagt aandacht",
                "aandacht", "aandacht nodig", "deels vertraagd", "licht vertraagd", "enige vertraging", "at risk", "!",
                "⚠",
            ])
        add(
            .tone(.negative),
            [
                "rood", "red", "r", "bijsturen", "bijsturing nodig", "niet gerealiseerd", "ingrijpen",
                "ingrijpen noodzakelijk",
                "ernstig vertraagd", "off track", "kritiek", "critical", "✗", "✘", "×", "✕", "x",
            ])
        add(
            .finished,
            [
                "grijs", "grey", "gray", "afgerond", "opgeleverd", "gerealiseerd", "gereed", "voltooid", "klaar",
                "done",
                "completed", "complete", "closed",
            ])
        add(.code("blauw"), ["blauw", "blue"])
        add(
            .between(better: .positive, worse: .warning),
            [
                "amber/green", "amber-green", "amber green", "green/amber", "a/g", "ag",
                "oranje/groen", "groen/oranje", "geel/groen", "groen/geel",
            ])
        add(
            .between(better: .warning, worse: .negative),
            [
                "amber/red", "amber-red", "amber red", "red/amber", "a/r", "ar",
                "oranje/rood", "rood/oranje",
            ])
        add(.notRated(notStarted: true), ["nog niet gestart", "niet gestart", "not started", "nog te starten"])
        add(
            .notRated(notStarted: false),
            [
                "niet van toepassing", "n.v.t", "nvt", "n/a", "na", "nb", "n.b", "nog niet beoordeeld",
                "geen status", "geen", "onbekend", "-", "–", "?", "not rated",
            ])
        return words
    }()

    static let trimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ".,;:()[]\"'"))

    public static func key(_ text: String) -> String {
        TextCleaning.clean(text.lowercased()).trimmingCharacters(in: trimmed)
    }

    private static func readWord(_ text: String) -> Reading {
        let key = key(text)
        if let reading = words[key] { return reading }
        // "Conform planning", "Risk of exceeding budget", "Cancelled", "Ⓖ": whole phrases only.
        if let phrase = LightPhrases.entry(key: key) { return phrase.reading }
        // "Groen: loopt op schema", "Oranje (vertraagd)": a colour word leading a phrase.
        if let first = key.split(whereSeparator: { " :(".contains($0) }).first.map(String.init), first != key,
            let reading = words[first], first.count > 2, case .tone = reading
        {
            return reading
        }
        return .unknown(text)
    }
}

/// Reads lights with the words of one import: the standard vocabulary and what the user
/// mapped for words it does not know ("Op stoom=groen").
public struct LightReading: Sendable {
    public var custom: [String: LightNotation.Reading]

    public init(custom: [String: LightNotation.Reading] = [:]) {
        self.custom = custom.reduce(into: [:]) { $0[LightNotation.key($1.key)] = $1.value }
    }

    public static let standard = LightReading()

    public func read(_ cell: String) -> LightNotation.Reading {
        if !custom.isEmpty, let reading = custom[LightNotation.key(cell)] { return reading }
        return LightNotation.read(cell)
    }

    /// What a mapping's right-hand side means: a colour or word ("groen", "afgerond"), or
    /// a code of the programme's own scale.
    public static func target(_ text: String) -> LightNotation.Reading {
        let reading = LightNotation.read(text)
        switch reading {
        case .unknown, .empty: return .code(LightNotation.key(text))
        default: return reading
        }
    }
}

extension LightScale {
    /// The light a reading stands for on this scale, and whether it was approximated (an
    /// Amber/Green on a four-light scale becomes its worse tone); nil for "no light".
    public func match(_ reading: LightNotation.Reading) -> (light: LightDefinition, approximate: Bool)? {
        guard reading.isLight else { return nil }
        // A light of the scale that is named for exactly this reading ("Amber/Green").
        if let own = lights.first(where: {
            LightNotation.read($0.label) == reading || LightNotation.read($0.code) == reading
        }) {
            return (own, false)
        }
        switch reading {
        case .tone(let tone), .ambiguous(let tone): return light(tone: tone).map { ($0, false) }
        case .between(_, let worse): return light(tone: worse).map { ($0, true) }
        case .finished: return finished.map { ($0, false) }
        case .code(let code):
            if let own = lights.first(where: {
                LightNotation.key($0.code) == code || LightNotation.key($0.label) == code
            }) {
                return (own, false)
            }
            if let tone = LightDefinition.Tone(colourName: code), let light = light(tone: tone) {
                return (light, false)
            }
            // Blue means "complete" in the BRAG scale.
            if code == "blauw", let finished { return (finished, true) }
            return nil
        default: return nil
        }
    }

    /// The light a reading stands for on this scale; nil for "no light".
    public func light(for reading: LightNotation.Reading) -> LightDefinition? {
        match(reading)?.light
    }
}
