import Foundation

/// URL path segments made from names: "juni t/m oktober 2018" → "juni-t-m-oktober-2018".
public enum Slug {
    public static func make(_ text: String) -> String {
        let folded = text.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL"))
        var slug = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
                dash = false
            } else if !dash, !slug.isEmpty {
                slug += "-"
                dash = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "zonder-naam" : slug
    }
}
