#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TOMLKit
import InterviewCore

/// `$XDG_CONFIG_HOME/interview/config.toml` (by default `~/.config/interview/config.toml`):
/// the defaults a person sets once, each of which a command-line option overrides.
///
/// ```toml
/// interviewer = "Grace Hopper"        # run --interviewer (else $USER)
/// bank = "backend"                    # run and practice: the bank when none is named
/// duration = "45m"                    # run --duration (else the bank's)
/// theme = "light"                     # --theme (else default)
/// banks = ["~/team-banks"]            # folders of banks found by name, after the data folder's
/// retention = "180d"                  # sessions older than this are due to `interview purge`
/// file_names = "id"                   # name new session files by date and id, not the candidate
/// avoid_words = ["hobbies"]           # more words the evidence check flags in notes
/// ```
///
/// Every key is optional; an unknown key or a value of the wrong type is an error at its
/// `FILE:LINE:COL`. Paths: `~` and `~/` are the home folder, and a relative path is
/// relative to the folder of config.toml (for `bank` and `theme`, a value without a `/`
/// is a name).
public struct Config: Hashable, Sendable {
    public static let keys = ["interviewer", "bank", "duration", "theme", "banks", "retention", "file_names", "mouse", "avoid_words"]

    /// The file read; nil when there is none (every value is then nil).
    public var file: String?
    public var interviewer: String?
    /// A bank name, or the path of a bank file, resolved as paths are.
    public var bank: String?
    public var durationSeconds: Int?
    /// A theme name, or the path of a theme file, resolved as paths are.
    public var theme: String?
    /// `banks = [...]`, in their order.
    public var bankFolders: [Folder] = []
    /// `retention = "180d"`: how many days sessions are kept (docs/privacy.md); nil keeps them.
    public var retentionDays: Int?
    /// `file_names = "candidate"|"id"`: how new session files are named.
    public var fileNames: SessionFileNames = .candidate
    /// Whether the live screens take clicks and the wheel (`mouse = false` turns it off).
    public var mouse = true

    /// Where each key's value is written in the file, for errors about what it names.
    public var places: [String: Place] = [:]

    public struct Place: Hashable, Sendable {
        public var line: Int
        public var column: Int
    }

    /// `error` about what the value of `key` names (a bank, a theme), said at that value in
    /// config.toml when config.toml gave it and it names nothing there is (an error inside
    /// a file it names stays at its place in that file).
    public func error(at key: String, _ error: InputError, value: String) -> InputError {
        guard let file, let place = places[key], error.file == value, !FileManager.default.fileExists(atPath: value) else { return error }
        return InputError(file: file, line: place.line, column: place.column, message: "\(key) \"\(value)\": \(error.message)")
    }
    /// `avoid_words = [...]`: words and phrases the evidence check flags in notes, besides
    /// its own (`EvidenceCheck.builtInWords`).
    public var avoidWords: [String] = []

    /// A folder named in config.toml, with the place where it is named (for errors about it).
    public struct Folder: Hashable, Sendable {
        /// The absolute path, `~` expanded.
        public var path: String
        /// As written in config.toml.
        public var written: String
        public var file: String
        public var line: Int
        public var column: Int

        /// A problem with this folder, at its place in config.toml.
        public func error(_ message: String) -> InputError {
            InputError(file: file, line: line, column: column, message: message)
        }
    }

    public init(file: String? = nil, interviewer: String? = nil, bank: String? = nil, durationSeconds: Int? = nil,
                theme: String? = nil, bankFolders: [Folder] = [], retentionDays: Int? = nil,
                fileNames: SessionFileNames = .candidate) {
        self.file = file
        self.interviewer = interviewer
        self.bank = bank
        self.durationSeconds = durationSeconds
        self.theme = theme
        self.bankFolders = bankFolders
        self.retentionDays = retentionDays
        self.fileNames = fileNames
    }

    /// The configuration of `environment`'s config folder; an empty one when there is no config.toml.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> Config {
        let folder = folder(environment: environment)
        let path = folder.appendingPathComponent("config.toml").path
        guard FileManager.default.fileExists(atPath: path) else { return Config() }
        let text = try ThemeLoader.readText(path, file: path)
        return try parse(text, file: path, folder: folder, home: home(environment: environment))
    }

    /// Reads config.toml's `text`; `file` names it in errors, `folder` and `home` resolve its paths.
    public static func parse(_ text: String, file: String, folder: URL, home: URL) throws(InputError) -> Config {
        let root = try TOMLDocument.parse(text, file: file)
        let locator = TOMLLocator(text)
        var issues = IssueList(file: file, locator: locator)
        var config = Config(file: file)
        func string(_ key: String, _ value: TOMLValueConvertible, expected: String) -> String? {
            if let string = value.string, !string.isEmpty { return string }
            issues.add([key], value: true, "\(key) is \(TOMLDocument.render(value)): expected \(expected)")
            return nil
        }
        for key in root.keys {
            guard let value = root[key] else { continue }
            if let place = locator.place([key]) { config.places[key] = Place(line: place.line, column: place.valueColumn) }
            switch key {
            case "interviewer":
                config.interviewer = string(key, value, expected: "your name, in quotes, for the session files")
            case "bank":
                config.bank = string(key, value, expected: "a bank's name (see `interview banks`) or the path of a bank file")
                    .map { resolve($0, folder: folder, home: home, nameUnlessSlash: true) }
            case "theme":
                config.theme = string(key, value, expected: "a theme name or the path of a theme file")
                    .map { resolve($0, folder: folder, home: home, nameUnlessSlash: true) }
            case "duration":
                guard let text = string(key, value, expected: "a duration in quotes, like \"45m\" or \"1h30m\"") else { continue }
                guard let seconds = Durations.parse(text) else {
                    issues.add([key], value: true, "bad duration \"\(text)\": expected a duration like 45m, 1h30m or 90s")
                    continue
                }
                config.durationSeconds = seconds
            case "banks":
                let place = locator.place([key])
                let expected = "expected a list of folders in quotes, like banks = [\"~/team-banks\"]"
                guard let array = value.array else {
                    issues.add([key], value: true, "banks is \(TOMLDocument.render(value)): \(expected)")
                    continue
                }
                for (n, element) in array.enumerated() {
                    guard let written = element.string, !written.isEmpty else {
                        issues.add([key], value: true, "banks' item \(n + 1) is \(TOMLDocument.render(element)): \(expected)")
                        continue
                    }
                    config.bankFolders.append(Folder(
                        path: resolve(written, folder: folder, home: home, nameUnlessSlash: false), written: written,
                        file: file, line: place?.line ?? 1, column: place?.valueColumn ?? 1))
                }
            case "retention":
                guard let text = string(key, value, expected: "a number of days, weeks or years in quotes, like \"180d\"") else { continue }
                guard let days = RetentionPeriod.days(text) else {
                    issues.add([key], value: true, "bad retention \"\(text)\": expected \(RetentionPeriod.expected)")
                    continue
                }
                config.retentionDays = days
            case "file_names":
                let expected = "\"candidate\" (the date and the candidate's name) or \"id\" (the date and the session's id)"
                guard let text = string(key, value, expected: expected) else { continue }
                guard let names = SessionFileNames(rawValue: text) else {
                    issues.add([key], value: true, "bad file_names \"\(text)\": expected \(expected)")
                    continue
                }
                config.fileNames = names
            case "mouse":
                guard let on = value.bool else {
                    issues.add([key], value: true, "mouse is \(TOMLDocument.render(value)): expected true or false")
                    continue
                }
                config.mouse = on
            case "avoid_words":
                let expected = "expected a list of words in quotes, like avoid_words = [\"hobbies\", \"where they live\"]"
                guard let array = value.array else {
                    issues.add([key], value: true, "avoid_words is \(TOMLDocument.render(value)): \(expected)")
                    continue
                }
                for (n, element) in array.enumerated() {
                    guard let word = element.string, !word.allSatisfy(\.isWhitespace) else {
                        issues.add([key], value: true, "avoid_words' item \(n + 1) is \(TOMLDocument.render(element)): \(expected)")
                        continue
                    }
                    config.avoidWords.append(word)
                }
            default:
                issues.add([key], "unknown key \"\(key)\"\(ThemeParser.suggestion(key, keys)) in config.toml: expected one of "
                           + keys.joined(separator: ", "))
            }
        }
        try issues.throwFirst()
        return config
    }

    /// A path from config.toml: `~` and `~/…` in the home folder, a relative path in the
    /// folder of config.toml. With `nameUnlessSlash`, a value without a `/` is a name and stays.
    static func resolve(_ value: String, folder: URL, home: URL, nameUnlessSlash: Bool) -> String {
        if value == "~" { return home.path }
        if value.hasPrefix("~/") { return home.appendingPathComponent(String(value.dropFirst(2))).standardizedFileURL.path }
        if value.hasPrefix("/") { return value }
        if nameUnlessSlash && !value.contains("/") { return value }
        return folder.appendingPathComponent(value).standardizedFileURL.path
    }

    // MARK: - Precedence: the command line, then config.toml, then the built-in default

    /// The bank to load: the one named on the command line, else `bank`, else the built-in one.
    public func bankName(given: String?) -> String {
        given ?? bank ?? BankLoader.defaultBankName
    }

    /// `run`'s interviewer: `--interviewer`, else `interviewer`, else `$USER` (else nobody).
    public func interviewer(given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        given ?? interviewer ?? environment["USER"] ?? ""
    }

    /// `run`'s length in seconds: `--duration`, else `duration`, else nil (the bank's own).
    public func durationSeconds(given: Int?) -> Int? {
        given ?? durationSeconds
    }

    // MARK: - Folders

    static func home(environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path)
    }

    /// `$XDG_CONFIG_HOME/interview`, by default `~/.config/interview`. A relative
    /// XDG_CONFIG_HOME is ignored, as the XDG specification says.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? home(environment: environment).appendingPathComponent(".config")
        return base.appendingPathComponent("interview")
    }

    /// `$XDG_DATA_HOME/interview`, by default `~/.local/share/interview`; a relative
    /// XDG_DATA_HOME is ignored.
    public static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? home(environment: environment).appendingPathComponent(".local/share")
        return base.appendingPathComponent("interview")
    }
}
