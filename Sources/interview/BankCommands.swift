import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import InterviewCore
import InterviewStore

struct Banks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banks",
        abstract: "List the banks one can name: yours, your team's (banks in config.toml) and the built-in ones.",
        discussion: HelpExamples.discussion(Defaults.lookup, "banks"))

    @OptionGroup var listing: ListingFormatOption

    /// A bank as `--format json` lists it; a bank that cannot be used has only `error`.
    struct Listed: Encodable {
        var name: String
        var file: String
        var place: String
        var shadowsBuiltin: Bool
        var title: String?
        var questions: Int?
        var durationSeconds: Int?
        var error: ProblemJSON?
    }

    func run() throws {
        let library: BankLibrary
        do {
            library = try BankLibrary.standard()
        } catch {
            throw exitWithInputError(error)
        }
        let (entries, problems) = library.all()
        var rows: [[String]] = []
        var listed: [Listed] = []
        var failed = !problems.isEmpty
        for entry in entries {
            let from = entry.place == .builtin ? "built-in" : Self.abbreviated(entry.file) + (entry.shadowsBuiltin ? " (instead of the built-in)" : "")
            var item = Listed(name: entry.name, file: entry.file, place: Self.place(entry.place), shadowsBuiltin: entry.shadowsBuiltin)
            do {
                let bank = try BankLoader.load(entry)
                rows.append([entry.name, bank.title, "\(bank.questions.count) questions", Durations.format(bank.durationSeconds), from])
                (item.title, item.questions, item.durationSeconds) = (bank.title, bank.questions.count, bank.durationSeconds)
            } catch {
                rows.append([entry.name, "(cannot be used: \(error.message))", "", "", from])
                item.error = ProblemJSON(error)
                printError(error.description)
                failed = true
            }
            listed.append(item)
        }
        for problem in problems { printError(problem.description) }
        if listing.format == .json {
            try ListingFormat.printJSON(listed)
            if failed { throw ExitCode(2) }
            return
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column < 4 ? cell.padded(toLength: widths[column]) : cell
            }
            print(VisibleText.visible(cells.joined(separator: "  ")))
        }
        if failed { throw ExitCode(2) }
    }

    /// Where a bank was found, for JSON: `own`, `team`, `built-in`.
    static func place(_ place: BankLibrary.Place) -> String {
        switch place {
        case .own: "own"
        case .team: "team"
        case .builtin: "built-in"
        }
    }

    /// A path under the home folder as `~/…`.
    static func abbreviated(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check banks: every error and warning of each, as FILE:LINE:COL; exit 2 on any error.",
        discussion: HelpExamples.discussion("""
            A good bank prints its title, question count and time budget. Errors and warnings go \
            to standard error; warnings (questions over the duration, no rubric, one prompt twice, \
            tabs in indentation, …) leave the exit status 0 unless --strict.
            """, "validate"))

    @Flag(help: "Warnings are errors too (exit 2): for a check before a bank is shared.")
    var strict = false

    @Argument(help: "Bank files, folders of bank files (each *.md in it), or banks' names.", completion: Complete.bankOrFolder)
    var banks: [String]

    @OptionGroup var listing: ListingFormatOption

    /// A bank checked, as `--format json` lists it.
    struct Checked: Encodable {
        var bank: String
        var ok: Bool
        var title: String?
        var questions: Int?
        var budgetSeconds: Int?
        var durationSeconds: Int?
        var errors: [ProblemJSON] = []
        var warnings: [ProblemJSON] = []
    }

    func run() throws {
        var checked: [Checked] = []
        defer { if listing.format == .json { try? ListingFormat.printJSON(checked) } }
        var failed = false
        for reference in banks {
            if isFolder(reference) {
                let files = BankLibrary.bankFiles(in: reference)
                if files.isEmpty {
                    let error = InputError(file: reference,
                                           message: "no bank file in this folder: expected *.md files (README.md is not a bank)")
                    printError(error.description)
                    checked.append(Checked(bank: reference, ok: false, errors: [ProblemJSON(error)]))
                    failed = true
                }
                for file in files {
                    let path = URL(fileURLWithPath: reference).appendingPathComponent(file).path
                    checked.append(check(path, file: path))
                }
            } else {
                checked.append(check(reference, file: nil))
            }
        }
        if failed || checked.contains(where: { !$0.ok }) { throw ExitCode(2) }
    }

    /// Checks one bank, saying what it found (on stderr, and for text on stdout); not
    /// `ok` when it fails (an error, or a warning under --strict).
    func check(_ reference: String, file: String?) -> Checked {
        var checked = Checked(bank: file ?? reference, ok: false)
        let found: (file: String, bytes: [UInt8])
        do {
            found = try BankLoader.bytes(reference)
        } catch {
            printError(error.description)
            checked.errors = [ProblemJSON(error)]
            return checked
        }
        let result = BankParser.check(bytes: found.bytes, file: found.file)
        let byPlace = { (a: InputError, b: InputError) in (a.line, a.column) < (b.line, b.column) }
        for error in (result.errors + result.controlCharacters).sorted(by: byPlace) { printError(error.description) }
        for warning in result.warnings.sorted(by: byPlace) {
            printError("\(warning.file):\(warning.line):\(warning.column): warning: \(warning.message)")
        }
        checked.errors = (result.errors + result.controlCharacters).sorted(by: byPlace).map(ProblemJSON.init)
        checked.warnings = result.warnings.sorted(by: byPlace).map(ProblemJSON.init)
        guard let bank = result.bank else { return checked }
        (checked.title, checked.questions) = (bank.title, bank.questions.count)
        (checked.budgetSeconds, checked.durationSeconds) = (bank.totalBudgetSeconds, bank.durationSeconds)
        checked.ok = result.controlCharacters.isEmpty && !(strict && !result.warnings.isEmpty)
        guard checked.ok, listing.format == .text else { return checked }
        let budget = Durations.format(bank.totalBudgetSeconds)
        let warnings = result.warnings.isEmpty ? "" : "; \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
        print("\(VisibleText.visible(file ?? reference)): \(VisibleText.visible(bank.title)): \(bank.questions.count) questions, "
              + "\(budget) of question time for a \(Durations.format(bank.durationSeconds)) interview\(warnings)")
        return checked
    }

    func isFolder(_ path: String) -> Bool {
        PathKind(atPath: path) == .folder
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter bank: a template of the whole format, explained, or a copy of a bank to edit.",
        discussion: HelpExamples.discussion("""
            Never overwrites a file. Put the file in ~/.local/share/interview/banks/ (or a folder of \
            banks in config.toml) to run it by name.
            """, "new"))

    @Argument(help: "The bank file to write (a new file).", completion: .file(extensions: ["md"]))
    var file: String

    @Option(help: ArgumentHelp("Copy this bank (a file or a bank's name) instead of writing the template.", valueName: "bank"),
            completion: Complete.bank)
    var from: String?

    func run() throws {
        var bytes = Array(BankTemplate.markdown(title: BankTemplate.title(forFile: file)).utf8)
        if let from {
            do {
                bytes = try BankLoader.bytes(from).bytes
            } catch {
                throw exitWithInputError(error)
            }
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "already exists: expected a new file (nothing was written)"
                : "cannot be created (\(String(cString: strerror(errno)))): expected a new file in a folder you can write"
            throw exitWithInputError(InputError(file: file, message: reason))
        }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(file)
                printError("\(file): cannot be written (\(reason))")
                throw ExitCode(1)
            }
            written += n
        }
        close(fd)
        let what = from.map { "a copy of \($0)" } ?? "a starter bank"
        print("Wrote \(VisibleText.visible(what)) to \(VisibleText.visible(file)). Edit it, then: interview validate \(VisibleText.visible(file))")
    }
}
