#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Banks by name. A bank's name is its file's name without `.md`, looked up in order in:
/// 1. `$XDG_DATA_HOME/interview/banks/` (by default `~/.local/share/interview/banks/`): one's own;
/// 2. each folder of `banks = [...]` in config.toml, in its order: a team's checkout of its bank repository;
/// 3. the built-in banks, compiled into the binary.
///
/// A folder's banks are its `*.md` files, not those of its subfolders, and not `README.md`
/// (a repository's own page) or hidden files. One name in two files of these folders is
/// an error naming both, whichever is asked for: nobody should have to guess which one an
/// interview used. A file may take a built-in bank's name: it is used instead of the built-in.
public struct BankLibrary: Sendable {
    /// Where a bank comes from.
    public enum Place: Hashable, Sendable {
        /// The data folder's `banks/`.
        case own
        /// A folder of `banks = [...]`, as config.toml writes it.
        case team(String)
        case builtin
    }

    public struct Entry: Hashable, Sendable {
        public var name: String
        /// The bank file's path, or `builtin:NAME`.
        public var file: String
        public var place: Place
        /// A built-in bank of the same name exists, and this one is used instead.
        public var shadowsBuiltin: Bool
    }

    /// A folder searched before the built-in banks.
    public struct Folder: Hashable, Sendable {
        public var path: String
        public var place: Place
        /// Where config.toml names it (team folders only).
        public var configured: Config.Folder?
    }

    /// The folders searched, in order, before the built-in banks.
    public var folders: [Folder]

    public init(folders: [Folder]) { self.folders = folders }

    /// The data folder's banks, then config's `banks` folders.
    public init(config: Config, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let own = Config.dataFolder(environment: environment).appendingPathComponent("banks").path
        folders = [Folder(path: own, place: .own, configured: nil)]
            + config.bankFolders.map { Folder(path: $0.path, place: .team($0.written), configured: $0) }
    }

    /// The library of `environment`: its data folder and its config.toml.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) -> BankLibrary {
        BankLibrary(config: try Config.load(environment: environment), environment: environment)
    }

    /// Whether `reference` can be a bank's name (rather than a path): a file name without `/`.
    public static func isName(_ reference: String) -> Bool {
        !reference.isEmpty && !reference.contains("/") && !reference.hasPrefix(".") && !reference.contains("\0")
    }

    /// Whether a file of a folder is one of its banks.
    public static func isBankFile(_ fileName: String) -> Bool {
        fileName.hasSuffix(".md") && fileName.count > 3 && !fileName.hasPrefix(".")
            && fileName.lowercased() != "readme.md"
    }

    /// The bank named `name`, nil when there is none. A configured folder that does not
    /// exist is an error at its place in config.toml; a name in two files is an error naming both.
    public func lookup(_ name: String) throws(InputError) -> Entry? {
        guard Self.isName(name), Self.isBankFile(name + ".md") else { return nil }
        var found: [Entry] = []
        for folder in folders {
            try folder.check()
            let path = URL(fileURLWithPath: folder.path).appendingPathComponent(name + ".md").path
            if Self.isFile(path) {
                found.append(Entry(name: name, file: path, place: folder.place, shadowsBuiltin: BankLoader.builtinBytes(name) != nil))
            }
        }
        if found.count > 1 { throw Self.clash(found) }
        if let entry = found.first { return entry }
        if BankLoader.builtinBytes(name) != nil {
            return Entry(name: name, file: "builtin:\(name)", place: .builtin, shadowsBuiltin: false)
        }
        return nil
    }

    /// Every bank one can name, sorted by name; names that two files define apart, with
    /// an error naming both; and the configured folders that do not exist.
    public func all() -> (entries: [Entry], errors: [InputError]) {
        var byName: [String: [Entry]] = [:]
        var errors: [InputError] = []
        for folder in folders {
            do {
                try folder.check()
            } catch {
                errors.append(error)
                continue
            }
            for file in Self.bankFiles(in: folder.path) {
                let name = String(file.dropLast(3))
                let path = URL(fileURLWithPath: folder.path).appendingPathComponent(file).path
                byName[name, default: []].append(
                    Entry(name: name, file: path, place: folder.place, shadowsBuiltin: BankLoader.builtinBytes(name) != nil))
            }
        }
        for name in BankLoader.builtinNames where byName[name] == nil {
            byName[name] = [Entry(name: name, file: "builtin:\(name)", place: .builtin, shadowsBuiltin: false)]
        }
        var entries: [Entry] = []
        for name in byName.keys.sorted() {
            let found = byName[name] ?? []
            if found.count > 1 { errors.append(Self.clash(found)) }
            entries += found
        }
        return (entries, errors)
    }

    /// The names of every bank, sorted (those of names defined twice included).
    public func names() -> [String] {
        Array(Set(all().entries.map(\.name))).sorted()
    }

    /// The bank files of `folder` (see the type's comment), sorted; none if it cannot be read.
    public static func bankFiles(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { isBankFile($0) && isFile(URL(fileURLWithPath: folder).appendingPathComponent($0).path) }.sorted()
    }

    static func clash(_ entries: [Entry]) -> InputError {
        let others = entries.dropFirst().map(\.file).joined(separator: " and ")
        return InputError(file: entries[0].file,
                          message: "the bank name '\(entries[0].name)' is also \(others): expected one file per name "
                              + "(rename one, or take its folder out of banks in config.toml)")
    }

    static func isFile(_ path: String) -> Bool {
        PathKind(atPath: path) == .file
    }
}

extension BankLibrary.Folder {
    /// A configured folder must exist: it is a folder someone wrote into config.toml.
    func check() throws(InputError) {
        guard let configured else { return }
        let kind = PathKind(atPath: path)
        if kind == .folder { return }
        throw configured.error(kind == .file
            ? "'\(configured.written)' in banks is a file: expected a folder of banks"
            : "no folder '\(configured.written)' (\(path)) for banks: expected a folder of bank files, such as a checkout of your team's bank repository")
    }
}
