import ArgumentParser
import Foundation
import InterviewKit

struct Banks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banks",
        abstract: "List the banks one can name: yours, your team's (banks in config.toml) and the built-in ones.",
        discussion: Defaults.lookup)

    func run() throws {
        let library: BankLibrary
        do {
            library = try BankLibrary.standard()
        } catch {
            throw exitWithInputError(error)
        }
        let (entries, problems) = library.all()
        var rows: [[String]] = []
        var failed = !problems.isEmpty
        for entry in entries {
            let from = entry.place == .builtin ? "built-in" : Self.abbreviated(entry.file) + (entry.shadowsBuiltin ? " (instead of the built-in)" : "")
            do {
                let bank = try BankLoader.load(entry)
                rows.append([entry.name, bank.title, "\(bank.questions.count) questions", Durations.format(bank.durationSeconds), from])
            } catch {
                rows.append([entry.name, "(cannot be used: \(error.message))", "", "", from])
                printError(error.description)
                failed = true
            }
        }
        for problem in problems { printError(problem.description) }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column < 4 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell
            }
            print(VisibleText.visible(cells.joined(separator: "  ")))
        }
        if failed { throw ExitCode(2) }
    }

    /// A path under the home folder as `~/…`.
    static func abbreviated(_ path: String) -> String {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check banks: every error and warning of each, as FILE:LINE:COL; exit 2 on any error.",
        discussion: """
            A good bank prints its title, question count and time budget. Errors and warnings go \
            to standard error; warnings (questions over the duration, no rubric, one prompt twice, \
            tabs in indentation, …) leave the exit status 0 unless --strict.
            """)

    @Flag(help: "Warnings are errors too (exit 2): for a check before a bank is shared.")
    var strict = false

    @Argument(help: "Bank files, folders of bank files (each *.md in it), or banks' names.", completion: Complete.bankOrFolder)
    var banks: [String]

    func run() throws {
        var failed = false
        for reference in banks {
            if isFolder(reference) {
                let files = BankLibrary.bankFiles(in: reference)
                if files.isEmpty {
                    printError("\(reference):1:1: no bank file in this folder: expected *.md files (README.md is not a bank)")
                    failed = true
                }
                for file in files {
                    let path = URL(fileURLWithPath: reference).appendingPathComponent(file).path
                    if !check(path, file: path) { failed = true }
                }
            } else if !check(reference, file: nil) {
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// Checks one bank; false when it fails (an error, or a warning under --strict).
    func check(_ reference: String, file: String?) -> Bool {
        let found: (file: String, bytes: [UInt8])
        do {
            found = try BankLoader.bytes(reference)
        } catch {
            printError(error.description)
            return false
        }
        let result = BankParser.check(bytes: found.bytes, file: found.file)
        let byPlace = { (a: InputError, b: InputError) in (a.line, a.column) < (b.line, b.column) }
        for error in (result.errors + result.controlCharacters).sorted(by: byPlace) { printError(error.description) }
        for warning in result.warnings.sorted(by: byPlace) {
            printError("\(warning.file):\(warning.line):\(warning.column): warning: \(warning.message)")
        }
        guard let bank = result.bank, result.controlCharacters.isEmpty, !(strict && !result.warnings.isEmpty) else { return false }
        let budget = Durations.format(bank.totalBudgetSeconds)
        let warnings = result.warnings.isEmpty ? "" : "; \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
        print("\(VisibleText.visible(file ?? reference)): \(VisibleText.visible(bank.title)): \(bank.questions.count) questions, "
              + "\(budget) of question time for a \(Durations.format(bank.durationSeconds)) interview\(warnings)")
        return true
    }

    func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter bank: a template of the whole format, explained, or a copy of a bank to edit.",
        discussion: """
            Never overwrites a file. Put the file in ~/.local/share/interview/banks/ (or a folder of \
            banks in config.toml) to run it by name.
            """)

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
            throw exitWithInputError(InputError(file: file, line: 1, column: 1, message: reason))
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
