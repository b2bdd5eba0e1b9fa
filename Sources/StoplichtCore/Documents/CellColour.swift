import Foundation

/// Many reports show a light as a cell filled green, orange or red, without a word in it.
/// Such a fill is read as the light's colour word; any other fill (a grey or blue header,
/// a pastel band) is decoration and ignored.
enum CellColour {
    /// Colour names HTML allows where a hex value would stand.
    static let named = [
        "red": "FF0000", "green": "008000", "lime": "00FF00", "orange": "FFA500", "yellow": "FFFF00", "gold": "FFD700",
    ]

    /// "00B050" (or "#00b050", or "green") → "groen"; nil for anything that is not clearly a traffic-light colour.
    static func lightWord(hex: String) -> String? {
        var digits = hex.trimmingCharacters(in: .whitespaces)
        if let value = named[digits.lowercased()] { digits = value }
        if digits.hasPrefix("#") { digits.removeFirst() }
        if digits.count == 8 { digits.removeFirst(2) }  // Excel's ARGB
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        let r = Double((value >> 16) & 0xFF) / 255
        let g = Double((value >> 8) & 0xFF) / 255
        let b = Double(value & 0xFF) / 255
        let maximum = max(r, g, b)
        let minimum = min(r, g, b)
        let saturation = maximum == 0 ? 0 : (maximum - minimum) / maximum
        guard saturation >= 0.45, maximum >= 0.35 else { return nil }
        var hue: Double
        let delta = maximum - minimum
        if maximum == r {
            hue = 60 * ((g - b) / delta).truncatingRemainder(dividingBy: 6)
        } else if maximum == g {
            hue = 60 * ((b - r) / delta + 2)
        } else {
            hue = 60 * ((r - g) / delta + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case 0..<16, 340...360: return "rood"
        case 16..<66: return "oranje"
        case 70..<170: return "groen"
        default: return nil
        }
    }
}
