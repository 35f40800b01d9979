/// The examples at the end of each command's `--help`: the everyday uses, to copy.
/// Every line is a whole command line (a test checks each option against the command's).
enum HelpExamples {
    static func discussion(_ text: String, _ command: String) -> String {
        guard let lines = examples[command] else { return text }
        let block = "Examples:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        return text.isEmpty ? block : text + "\n\n" + block
    }

    static let examples: [String: [String]] = [
        "interview": [
            "interview run backend --candidate 'Ada Lovelace'",
            "interview report -o ada.html --format html ada.json",
            "man interview",
        ],
        "run": [
            "interview run backend --candidate 'Ada Lovelace'",
            "interview run backend --candidate Ada --share -o ada.json",
            "interview run --questions 1,3,5-7 --duration 30m --candidate Ada",
        ],
        "resume": ["interview resume", "interview resume ada.json", "interview resume --reopen ada.json"],
        "practice": ["interview practice", "interview practice backend --review"],
        "replay": ["interview replay ada.json", "interview replay --speed 4 ada.json"],
        "mirror": ["interview mirror ada.json"],
        "join": ["interview join ada.json --interviewer Grace", "interview join --shadow ada.json"],
        "banks": ["interview banks"],
        "themes": ["interview themes", "interview run --theme light"],
        "validate": ["interview validate my-bank.md", "interview validate --strict ~/team/banks"],
        "new": ["interview new ~/.local/share/interview/banks/backend.md", "interview new --from machine-learning ml.md"],
        "import": ["interview import article.txt -o bank.md", "interview import --report article.txt", "pbpaste | interview import - -o bank.md"],
        "report": ["interview report ada.json", "interview report --format html -o ada.html ada.json",
                   "interview report --format json -o reports/ sessions/*.json"],
        "stats": ["interview stats", "interview stats --interviewer grace --since 2027-01-01",
                  "interview stats --format csv --questions > questions.csv"],
        "index": ["interview index", "interview index --rebuild"],
        "debrief": ["interview debrief ada-grace.json ada-alan.json", "interview debrief --format html -o ada.html ada-*.json"],
        "purge": ["interview purge", "interview purge --older-than 90d --yes", "interview purge --format json | jq '.entries[].path'"],
        "forget": ["interview forget 'Ada Lovelace'", "interview forget 'Ada Lovelace' --id 3f9c --yes"],
        "anonymize": ["interview anonymize 'Ada Lovelace'", "interview anonymize 'Ada Lovelace' --yes", "interview anonymize ada.json --yes"],
        "redact": ["interview redact ada.json", "interview redact --remove 'her phone number' ada.json", "interview redact --deleted ada.json"],
    ]
}
