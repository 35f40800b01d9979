import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// What the shells complete from the data folder: sessions, the names in them, a bank's tags.
extension Complete {
    /// A session file: the sessions folder's and the remembered `run --out` ones (whole
    /// paths: bash and zsh show their last part), then `*.json` and folders of the prefix.
    static let session = CompletionKind.custom { _, _, prefix in sessionPaths() + files(prefix, extensions: ["json"]) }

    /// `resume`: as `session`, the ended ones only after `--reopen`.
    static let unfinishedSession = CompletionKind.custom { words, _, prefix in
        sessionPaths(endedToo: words.contains("--reopen")) + files(prefix, extensions: ["json"])
    }

    /// A candidate, as the sessions name them.
    static let candidate = CompletionKind.custom { _, _, _ in sessionNames(\.candidate) }

    /// `anonymize`: a candidate's name or a session file.
    static let candidateOrSession = CompletionKind.custom { _, _, prefix in
        sessionNames(\.candidate) + sessionPaths() + files(prefix, extensions: ["json"])
    }

    static let interviewer = CompletionKind.custom { _, _, _ in sessionNames(\.interviewer) }

    /// `run --tags T,...`: the tags of the bank on the command line (else the default bank)
    /// that the list does not have yet, each after the tags typed so far.
    static let tags = CompletionKind.custom { words, index, prefix in
        let comma = prefix.lastIndex(of: ",")
        let typed = comma.map { String(prefix[...$0]) } ?? ""
        let have = Set(typed.split(separator: ",").map(String.init))
        let bank = bankOnCommandLine(words, skipping: index)
        return bankTags(bank).filter { !have.contains($0) }.map { typed + $0 }
    }

    /// What a session file says of itself, enough to complete with: read without its events.
    fileprivate struct Header: Decodable {
        var candidate: String
        var interviewer: String
        var status: String?
    }

    private static func header(_ path: String) -> Header? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Header.self, from: data)
    }

    /// The sessions the program keeps (`interview resume` and `forget` see the same): the
    /// folder's, newest first, then the remembered ones still there.
    static func sessionPaths(endedToo: Bool = true) -> [String] {
        let store = SessionStore.standard()
        let inFolder = store.sessionPaths()
        let remembered = store.knownPaths().filter { !inFolder.contains($0) && SessionStore.isRegularFile($0) }
        let all = inFolder + remembered
        return endedToo ? all : all.filter { header($0)?.status != "completed" }
    }

    /// The distinct non-empty values of one field of every session, sorted.
    fileprivate static func sessionNames(_ field: KeyPath<Header, String>) -> [String] {
        Set(sessionPaths().compactMap { header($0)?[keyPath: field] }.filter { !$0.isEmpty }).sorted()
    }

    /// The first word after the command that names a bank (a library name or a `.md` file).
    static func bankOnCommandLine(_ words: [String], skipping index: Int) -> String? {
        let names = Set(bankNames())
        return words.indices.dropFirst(2).lazy.filter { $0 != index }.map { words[$0] }
            .first { names.contains($0) || ($0.hasSuffix(".md") && FileManager.default.fileExists(atPath: $0)) }
    }

    /// The tags of `reference` (else config.toml's bank, else the built-in one), sorted.
    static func bankTags(_ reference: String?) -> [String] {
        guard let config = try? Config.load(),
              let bank = try? BankLoader.load(config.bankName(given: reference), config: config) else { return [] }
        return Set(bank.questions.flatMap(\.tags)).sorted()
    }
}
