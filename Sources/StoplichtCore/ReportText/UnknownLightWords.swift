/// Light words no vocabulary knew, gathered once per word (not per cell) with the projects
/// they stand at, so a person maps each word once.
struct UnknownLightWords {
    private(set) var words: [UnknownLightWord] = []
    private var index: [String: Int] = [:]

    mutating func add(_ word: String, column: String, project: Int, line: Int) {
        let key = LightNotation.key(word)
        if let i = index[key] {
            if words[i].projects.last != project { words[i].projects.append(project) }
        } else {
            index[key] = words.count
            words.append(UnknownLightWord(word: word, column: column, projects: [project], line: line))
        }
    }

    /// One warning per word, at its first place, naming the projects (the first twelve).
    var warnings: [ImportWarning] {
        words.map { word in
            let shown = word.projects.prefix(12).map(String.init).joined(separator: ", ")
            let more = word.projects.count > 12 ? " en \(word.projects.count - 12) andere" : ""
            let single = word.projects.count == 1
            let projects = single ? "project \(shown)" : "de projecten \(shown)\(more)"
            let effect =
                word.column != "status"
                ? "de tekst staat in de toelichting"
                : single ? "het project krijgt daarvoor geen status" : "die projecten krijgen daarvoor geen status"
            return ImportWarning(
                line: word.line,
                message: "‘\(word.word)’ is geen bekend stoplicht (\(word.column)), bij \(projects); \(effect).",
                advice: .translateLight(word.word))
        }
    }
}
