import Foundation
import Testing
import InterviewSamples
@testable import InterviewCore
@testable import InterviewStore

@Suite struct SessionFoldTests {
    static func randomAction(_ rng: inout SeededRandom, notes: [NoteLine]) -> SessionAction {
        switch Int.random(in: 0..<14, using: &rng) {
        case 0, 1: return .next
        case 2: return .previous
        case 3, 4: return .toggleRubric(Int.random(in: 0..<4, using: &rng))
        case 5: return .rate(Int.random(in: 0...4, using: &rng))
        case 6: return .togglePause
        case 7: return .setShareSafe(Bool.random(using: &rng))
        case 8: return .wrapUp
        case 9: return .recommend(Int.random(in: 0...4, using: &rng))
        case 10, 11:
            var lines = notes
            let text = ["é", "日本", "🚀", "word ", "x"].randomElement(using: &rng)!
            if lines.isEmpty || Bool.random(using: &rng) {
                lines.insert(NoteLine(at: Double(Int.random(in: 0..<100, using: &rng)), text: text),
                             at: Int.random(in: 0...lines.count, using: &rng))
            } else {
                let i = Int.random(in: 0..<lines.count, using: &rng)
                if Bool.random(using: &rng) { lines[i].text += text } else { lines.remove(at: i) }
            }
            return .setNotes(lines)
        case 12: return .open(Int.random(in: 0..<3, using: &rng))
        default: return Bool.random(using: &rng) ? .interrupt : .reopen
        }
    }

    @Test(arguments: 1...40)
    func theFoldOfTheSavedEventsEqualsTheLiveState(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        var engine = Fixtures.engine(try Fixtures.smallBank())
        var t = 0.0
        for _ in 0..<Int.random(in: 1...200, using: &rng) {
            t += Double(Int.random(in: 0...5000, using: &rng)) / 1000
            let notes = engine.state.questions[engine.state.current].notes
            engine.perform(Self.randomAction(&rng, notes: notes), at: t)
        }
        let data = try engine.snapshot(at: t).checkedEncoding()
        let decoded = try SessionFile.decode(data, file: "seed-\(seed).json")
        #expect(decoded.finalState == engine.state, "seed \(seed)")
        #expect(SessionEngine(file: decoded).state == engine.state)
    }
}

@Suite struct SessionFileTests {
    func sample() throws -> SessionFile {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.toggleRubric(0), at: 1.5)
        engine.perform(.setNotes([NoteLine(at: 1, text: "\u{1B}[31mraw escape stays data")]), at: 2)
        return engine.snapshot(at: 3)
    }

    @Test func roundTripsThroughJSON() throws {
        let file = try sample()
        let data = try file.checkedEncoding()
        #expect(try SessionFile.decode(data, file: "x.json") == file)
    }

    @Test func isPrettyPrintedWithSortedKeysAndTheContractFields() throws {
        let text = String(decoding: try sample().checkedEncoding(), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["format", "version", "id", "mode", "status", "candidate", "interviewer", "startedAt", "bank",
                    "questions", "events", "closingNotes", "clockSeconds"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["format"] as? String == "interview-session")
        #expect(object["mode"] as? String == "live")
        #expect(object["status"] as? String == "in-progress")
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
        #expect(text.contains("\n  \"bank\" : {"))
    }

    @Test func refusesANewerVersion() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try sample().checkedEncoding()) as? [String: Any])
        object["version"] = 99
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try SessionFile.decode(data, file: "new.json")
        } throws: { error in
            "\(error)".contains("new.json:") && "\(error)".contains("newer") && "\(error)".contains("version 99")
        }
    }

    /// The header is checked before anything else of the file is read: a newer version
    /// that changed the rest of the format asks for an upgrade, not for a missing key.
    @Test func aNewerVersionOfAnotherShapeAsksForAnUpgrade() throws {
        let newer = SessionFile.currentVersion + 1
        let data = Data(#"{"format": "interview-session", "version": \#(newer), "sessions": [1, 2]}"#.utf8)
        let error = try #require(throws: InputError.self) { try SessionFile.decode(data, file: "new.json") }
        #expect(error.description.hasPrefix("new.json: written by a newer interview (session version \(newer))"), "\(error)")
    }

    @Test func refusesAnotherFormat() throws {
        let data = Data(#"{"format": "something-else", "version": 1}"#.utf8)
        let error = try #require(throws: InputError.self) { try SessionFile.decode(data, file: "other.json") }
        #expect(error.message.contains("not an interview session"))
    }

    @Test func aTruncatedFileNamesWhereItBroke() throws {
        let data = try sample().checkedEncoding()
        let truncated = data.prefix(data.count / 2)
        let error = try #require(throws: InputError.self) { try SessionFile.decode(Data(truncated), file: "cut.json") }
        #expect(error.file == "cut.json")
        #expect(error.line > 1, "\(error)")
        #expect(error.message.contains("invalid JSON"))
    }

    @Test func aMissingFieldIsNamed() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try sample().checkedEncoding()) as? [String: Any])
        object.removeValue(forKey: "events")
        let data = try JSONSerialization.data(withJSONObject: object)
        let error = try #require(throws: InputError.self) { try SessionFile.decode(data, file: "x.json") }
        #expect(error.message.contains("\"events\""))
    }

    @Test func garbageIsRefused() throws {
        let error = try #require(throws: InputError.self) { try SessionFile.decode(Data("not json".utf8), file: "g.json") }
        #expect(error.description.hasPrefix("g.json:1:"))
    }
}

@Suite(.serialized) struct SessionStoreTests {
    @Test func writesAtomicallyWithPrivatePermissions() throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("sessions")
        let url = folder.appendingPathComponent("s.json")
        try SessionStore.writeAtomically(Data("one".utf8), to: url)
        try SessionStore.writeAtomically(Data("two".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        let fileMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.json"], "no temporary file left")
    }

    @Test func aReadOnlyFolderKeepsThePreviousFile() throws {
        guard getuid() != 0 else {
            // root ignores folder permissions; the full-disk test below covers the failure path.
            return
        }
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("s.json")
        try SessionStore.writeAtomically(Data("kept".utf8), to: url)
        chmod(folder.path, 0o500)
        defer { chmod(folder.path, 0o700) }
        #expect(throws: SessionStore.WriteError.self) { try SessionStore.writeAtomically(Data("lost".utf8), to: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "kept")
    }

    /// File calls whose writes fail with ENOSPC while `full` is set, like a full disk.
    final class FullDisk: @unchecked Sendable {
        private let lock = NSLock()
        private var isFull = true
        var full: Bool {
            get { lock.withLock { isFull } }
            set { lock.withLock { isFull = newValue } }
        }
        var calls: SessionStore.FileCalls {
            var calls = SessionStore.FileCalls.system
            calls.write = { fd, bytes, count in
                if self.full {
                    errno = ENOSPC
                    return -1
                }
                return SessionStore.FileCalls.system.write(fd, bytes, count)
            }
            return calls
        }
    }

    @Test func aFullDiskKeepsThePreviousFileAndTheSaverReportsIt() throws {
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("s.json")
        try SessionStore.writeAtomically(Data("kept".utf8), to: url)
        let disk = FullDisk()
        #expect(throws: SessionStore.WriteError.self) {
            try SessionStore.writeAtomically(Data("lost".utf8), to: url, calls: disk.calls)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.json"], "no temporary file left")

        let saver = SessionSaver(url: url, calls: disk.calls)
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.next, at: 1)
        saver.save(engine.snapshot(at: 1))
        saver.flush()
        guard case .failed(let reason) = saver.status else {
            Issue.record("expected a failed save, got \(saver.status)")
            return
        }
        #expect(reason.contains("No space left"))
        #expect(try String(contentsOf: url, encoding: .utf8) == "kept")

        disk.full = false
        saver.save(engine.snapshot(at: 2))
        saver.flush()
        #expect(saver.status == .saved, "the next save retries and succeeds once there is room")
        #expect(try SessionStore.read(url.path).questions.count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.json"])
    }

    @Test func findsTheNewestUnfinishedSession() throws {
        let store = SessionStore(folder: try Fixtures.temporaryFolder())
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.interrupt, at: 1)
        try SessionStore.writeAtomically(try engine.snapshot(at: 1).checkedEncoding(), to: store.folder.appendingPathComponent("2026-01-01.json"))
        engine.perform(.reopen, at: 1)
        engine.perform(.end, at: 2)
        try SessionStore.writeAtomically(try engine.snapshot(at: 2).checkedEncoding(), to: store.folder.appendingPathComponent("2026-02-01.json"))
        let found = try #require(store.newestUnfinished())
        #expect(found.path.hasSuffix("2026-01-01.json"))
    }

    @Test func aCompletedSessionIsKnownByItsLastLines() throws {
        let folder = try Fixtures.temporaryFolder()
        var engine = Fixtures.engine(try Fixtures.smallBank())
        // A note that quotes the marker must not pass for it.
        engine.perform(.setNotes([NoteLine(at: 1, text: "  \"status\" : \"completed\",")]), at: 1)
        let open = folder.appendingPathComponent("open.json")
        try SessionStore.writeAtomically(try engine.snapshot(at: 1).checkedEncoding(), to: open)
        #expect(!SessionStore.endsAsCompleted(open.path))
        engine.perform(.end, at: 2)
        let done = folder.appendingPathComponent("done.json")
        try SessionStore.writeAtomically(try engine.snapshot(at: 2).checkedEncoding(), to: done)
        #expect(SessionStore.endsAsCompleted(done.path))
        #expect(!SessionStore.endsAsCompleted(folder.appendingPathComponent("missing.json").path))
    }
}

/// The order of `writeAtomically`'s system calls, which decides what a crash or a power
/// cut leaves on disk: the data reaches the disk (fsync) before the rename makes it the
/// session file, and the rename reaches it (fsync of the folder) before "saved".
@Suite struct SessionStoreCallOrderTests {
    /// The real calls, each logged with the file it is on; `failing` makes one fail instead.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [Int32: String] = [:]
        private var entries: [String] = []
        let failing: (call: String, errno: Int32)?
        /// At most this many bytes per write, as a kernel may do.
        let chunk: Int

        init(failing: (call: String, errno: Int32)? = nil, chunk: Int = .max) {
            self.failing = failing
            self.chunk = chunk
        }

        var log: [String] { lock.withLock { entries } }

        private func name(_ path: String) -> String {
            let base = URL(fileURLWithPath: path).lastPathComponent
            return base.hasSuffix(".tmp") ? "temporary" : base.hasSuffix(".json") ? "file" : "folder"
        }

        private func record(_ call: String, _ on: String, _ result: Int) -> Int {
            lock.withLock { entries.append(result < 0 ? "\(call) \(on) failed" : "\(call) \(on)") }
            return result
        }

        private func fails(_ call: String) -> Bool {
            guard let failing, failing.call == call else { return false }
            errno = failing.errno
            return true
        }

        var calls: SessionStore.FileCalls {
            SessionStore.FileCalls(
                open: { path, flags, mode in
                    let fd = SessionStore.FileCalls.system.open(path, flags, mode)
                    self.lock.withLock { self.names[fd] = self.name(path) }
                    return Int32(self.record("open", self.name(path), Int(fd)))
                },
                write: { fd, bytes, count in
                    let name = self.lock.withLock { self.names[fd] ?? "?" }
                    if self.fails("write") { return self.record("write", name, -1) }
                    return self.record("write", name, SessionStore.FileCalls.system.write(fd, bytes, min(count, self.chunk)))
                },
                fsync: { fd in
                    let name = self.lock.withLock { self.names[fd] ?? "?" }
                    if self.fails("fsync"), name == "temporary" { return Int32(self.record("fsync", name, -1)) }
                    return Int32(self.record("fsync", name, Int(SessionStore.FileCalls.system.fsync(fd))))
                },
                close: { fd in
                    let name = self.lock.withLock { self.names.removeValue(forKey: fd) ?? "?" }
                    return Int32(self.record("close", name, Int(SessionStore.FileCalls.system.close(fd))))
                },
                rename: { from, to in
                    if self.fails("rename") { return Int32(self.record("rename", "temporary to file", -1)) }
                    return Int32(self.record("rename", "temporary to file", Int(SessionStore.FileCalls.system.rename(from, to))))
                },
                unlink: { path in
                    Int32(self.record("unlink", self.name(path), Int(SessionStore.FileCalls.system.unlink(path))))
                })
        }
    }

    /// A folder holding `s.json` = "kept".
    func folder() throws -> (URL, URL) {
        let folder = try Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("s.json")
        try SessionStore.writeAtomically(Data("kept".utf8), to: url)
        return (folder, url)
    }

    @Test func writeFsyncCloseRenameThenFsyncTheFolder() throws {
        let (folder, url) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = Recorder()
        try SessionStore.writeAtomically(Data("new session".utf8), to: url, calls: recorder.calls)
        #expect(recorder.log == ["open temporary", "write temporary", "fsync temporary", "close temporary",
                                 "rename temporary to file", "open folder", "fsync folder", "close folder"])
        #expect(try String(contentsOf: url, encoding: .utf8) == "new session")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.json"])
    }

    @Test func shortWritesGoOnUntilEverythingIsWritten() throws {
        let (folder, url) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = Recorder(chunk: 4)
        try SessionStore.writeAtomically(Data("0123456789".utf8), to: url, calls: recorder.calls)
        #expect(recorder.log.prefix(5) == ["open temporary", "write temporary", "write temporary", "write temporary",
                                           "fsync temporary"])
        #expect(try String(contentsOf: url, encoding: .utf8) == "0123456789")
    }

    @Test(arguments: ["write", "fsync"])
    func aFailureBeforeTheRenameNeverRenamesAndRemovesTheTemporaryFile(_ call: String) throws {
        let (folder, url) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = Recorder(failing: (call, ENOSPC))
        let error = try #require(throws: SessionStore.WriteError.self) {
            try SessionStore.writeAtomically(Data("lost".utf8), to: url, calls: recorder.calls)
        }
        #expect(error.description.contains("No space left on device"), "\(error)")
        let expected = call == "write"
            ? ["open temporary", "write temporary failed", "close temporary", "unlink temporary"]
            : ["open temporary", "write temporary", "fsync temporary failed", "close temporary", "unlink temporary"]
        #expect(recorder.log == expected)
        #expect(!recorder.log.contains { $0.hasPrefix("rename") })
        #expect(try String(contentsOf: url, encoding: .utf8) == "kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.json"], "no temporary file left")
    }

    @Test func aFailedRenameRemovesTheTemporaryFile() throws {
        let (folder, url) = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = Recorder(failing: ("rename", EXDEV))
        #expect(throws: SessionStore.WriteError.self) {
            try SessionStore.writeAtomically(Data("lost".utf8), to: url, calls: recorder.calls)
        }
        #expect(recorder.log.suffix(2) == ["rename temporary to file failed", "unlink temporary"])
        #expect(try String(contentsOf: url, encoding: .utf8) == "kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.json"])
    }
}

/// Temporary files nobody can plant a link at, and none left behind by a killed program.
@Suite struct TemporaryFileTests {
    @Test func temporaryNamesAreRandomAndBesideTheFile() throws {
        let url = URL(fileURLWithPath: "/some/folder/s.json")
        let names = Set((0..<200).map { _ in SessionStore.temporaryPath(for: url) })
        #expect(names.count == 200)
        for name in names {
            let base = URL(fileURLWithPath: name).lastPathComponent
            #expect(name.hasPrefix("/some/folder/.s.json."))
            #expect(SessionStore.temporaryTarget(base) == "s.json", "\(base)")
            #expect(base.count == ".s.json.".count + 16 + ".tmp".count)
        }
        #expect(SessionStore.temporaryTarget(".s.json.1234.tmp") == nil, "the old PID names are not ours")
        #expect(SessionStore.temporaryTarget("s.json") == nil)
    }

    /// A link that appears at the chosen name is never followed: the open fails (O_EXCL),
    /// another name is tried, the link's target is untouched.
    @Test func aLinkPlantedAtTheTemporaryNameIsNotFollowed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim")
        try Data("victim".utf8).write(to: victim)
        let url = folder.appendingPathComponent("s.json")
        let links = Box<[String]>([])
        var calls = SessionStore.FileCalls.system
        calls.open = { path, flags, mode in
            if path.hasSuffix(".tmp"), links.value.count < 3 {
                try? FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim.path)
                links.value.append(path)
            }
            return SessionStore.FileCalls.system.open(path, flags, mode)
        }
        try SessionStore.writeAtomically(Data("session".utf8), to: url, calls: calls)
        #expect(try String(contentsOf: url, encoding: .utf8) == "session")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim")
        #expect(links.value.count == 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left.count == 5, "the three links stay; nothing else: \(left)")
    }

    @Test func theTemporaryFileIsCreatedExclusivelyWithoutFollowingLinks() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seen = Box<Int32>(0)
        var calls = SessionStore.FileCalls.system
        calls.open = { path, flags, mode in
            if path.hasSuffix(".tmp") { seen.value = flags }
            return SessionStore.FileCalls.system.open(path, flags, mode)
        }
        try SessionStore.writeAtomically(Data("x".utf8), to: folder.appendingPathComponent("s.json"), calls: calls)
        for flag in [O_CREAT, O_EXCL, O_NOFOLLOW, O_CLOEXEC] { #expect(seen.value & flag == flag) }
        #expect(seen.value & O_TRUNC == 0)
    }

    @Test func leftoversOfAKilledSaveAreRemovedWhenTheLockIsTaken() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = folder.appendingPathComponent("s.json")
        try Data("kept".utf8).write(to: session)
        let own = SessionStore.temporaryPath(for: session)
        let other = folder.appendingPathComponent("other.json")
        let freshOther = SessionStore.temporaryPath(for: other)
        let oldOther = SessionStore.temporaryPath(for: other)
        let heldSession = folder.appendingPathComponent("held.json")
        let holder = try SessionLock(session: heldSession.path)
        defer { holder.release() }
        let oldHeld = SessionStore.temporaryPath(for: heldSession)
        let notOurs = folder.appendingPathComponent(".notes.tmp").path
        for path in [own, freshOther, oldOther, oldHeld, notOurs] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        let old = Date().addingTimeInterval(-120)
        for path in [oldOther, oldHeld] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        let lock = try SessionLock(session: session.path)
        defer { lock.release() }
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        #expect(!exists(own), "this session's own leftover goes at once: its lock is ours")
        #expect(!exists(oldOther), "another session's leftover a minute old goes")
        #expect(exists(freshOther), "a fresh one may be a save in progress")
        #expect(exists(oldHeld), "a program holds that session: its file may be a slow save")
        #expect(exists(notOurs), "a name the program never gives stays")
        #expect(try String(contentsOf: session, encoding: .utf8) == "kept")
    }

    @Test func theRecordsBesideTheFolderLoseTheirOldLeftoversOnly() throws {
        let data = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let store = SessionStore(folder: data.appendingPathComponent("sessions"))
        let old = SessionStore.temporaryPath(for: store.knownFile)
        let fresh = SessionStore.temporaryPath(for: store.knownFile)
        let oldReports = SessionStore.temporaryPath(for: store.reportsWrittenFile)
        for path in [old, fresh, oldReports] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        for path in [old, oldReports] {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: path)
        }
        try store.remember("/somewhere/s.json")
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(!FileManager.default.fileExists(atPath: oldReports), "one folder: every old leftover in it goes")
        #expect(FileManager.default.fileExists(atPath: fresh), "no lock on the record: a fresh one may be another program's write")
        #expect(store.knownPaths() == ["/somewhere/s.json"])
    }

    @Test func aSessionsFolderOpenToOthersIsTightened() throws {
        let parent = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        chmod(parent.path, 0o700) // the data folder is tightened too: SessionLockTests
        let store = SessionStore(folder: parent.appendingPathComponent("sessions"))
        #expect(store.tightenFolder() == nil, "no folder yet")
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        chmod(store.folder.path, 0o755)
        let notice = try #require(store.tightenFolder())
        #expect(notice.contains(store.folder.path) && notice.contains("755") && notice.contains("0700"), "\(notice)")
        var info = stat()
        stat(store.folder.path, &info)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(store.tightenFolder() == nil, "said once")
    }
}

/// A value shared with the file calls' closures, behind a lock.
final class Box<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
