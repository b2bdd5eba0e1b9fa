import Foundation

/// Reads a light as people write it in a report cell: the seed's three lamps ("○ ● ○":
/// top lamp red, middle orange, bottom green) or a colour word.
public enum LightNotation {
    public enum Reading: Equatable, Sendable {
        /// The cell is empty: no light was set.
        case empty
        /// A light of this tone.
        case tone(LightDefinition.Tone)
        /// Finished (the seed's grijs).
        case finished
        /// Every lamp is off: no light, unless the remarks say the project is finished.
        case allLampsOff
        /// More than one lamp lit; the worst is taken.
        case ambiguous(LightDefinition.Tone)
        /// Text that is no light notation this reader knows.
        case unknown(String)
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

    private static let words: [(String, Reading)] = [
        ("groen", .tone(.positive)), ("green", .tone(.positive)),
        ("oranje", .tone(.warning)), ("geel", .tone(.warning)), ("amber", .tone(.warning)),
        ("rood", .tone(.negative)), ("red", .tone(.negative)),
        ("grijs", .finished), ("grey", .finished), ("gray", .finished),
        ("afgerond", .finished), ("opgeleverd", .finished),
    ]

    private static func readWord(_ text: String) -> Reading {
        let key = text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return words.first { $0.0 == key }?.1 ?? .unknown(text)
    }
}

extension LightScale {
    /// The light a reading stands for on this scale; nil for "no light".
    public func light(for reading: LightNotation.Reading) -> LightDefinition? {
        switch reading {
        case .tone(let tone), .ambiguous(let tone): light(tone: tone)
        case .finished: finished
        case .empty, .allLampsOff, .unknown: nil
        }
    }
}
