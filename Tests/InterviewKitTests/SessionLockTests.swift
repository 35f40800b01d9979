import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
#if canImport(Glibc)
import Glibc
#endif

/// One writer per session: only the holder removes the lock file, and a holder whose
/// lock file (or folder) was deleted notices before it writes again.
@Suite struct SessionLockTests {
    /// A session file in a folder of its own, and its lock file's path.
    struct Scratch {
        let folder: URL
        let session: URL
        var lockFile: String { SessionLock.lockPath(for: session.path) }

        init() throws {
            folder = try Fixtures.temporaryFolder().appendingPathComponent("sessions")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            session = folder.appendingPathComponent("s.json")
            try Data("{}".utf8).write(to: session)
        }

        func snapshot(_ note: String) throws -> SessionFile {
            var engine = Fixtures.engine(try Fixtures.smallBank())
            engine.perform(.setNotes([NoteLine(at: 1, text: note)]), at: 1)
            return engine.snapshot(at: 1)
        }
    }

    @Test func aRefusedAttemptLeavesTheHoldersLockFileInPlace() throws {
        let scratch = try Scratch()
        let holder = try SessionLock(session: scratch.session.path)
        for _ in 0..<3 {
            #expect(throws: SessionLock.LockError.self) { _ = try SessionLock(session: scratch.session.path) }
            #expect(FileManager.default.fileExists(atPath: scratch.lockFile), "the refusal removed the holder's lock file")
            #expect(holder.isIntact)
            #expect(SessionLock.isHeld(session: scratch.session.path))
        }
        holder.release()
        #expect(!FileManager.default.fileExists(atPath: scratch.lockFile), "the holder removes its own file")
        let next = try SessionLock(session: scratch.session.path)
        #expect(next.isIntact)
    }

    @Test func aReleaseRemovesOnlyTheFileItLocked() throws {
        let scratch = try Scratch()
        let first = try SessionLock(session: scratch.session.path)
        unlink(scratch.lockFile)
        let second = try SessionLock(session: scratch.session.path)
        #expect(!first.isIntact && second.isIntact)
        first.release()
        #expect(FileManager.default.fileExists(atPath: scratch.lockFile), "the first holder removed the second's lock file")
        #expect(SessionLock.isHeld(session: scratch.session.path))
    }

    @Test func aSaverRetakesItsLockWhenTheFolderWasDeleted() throws {
        let scratch = try Scratch()
        let lock = try SessionLock(session: scratch.session.path)
        let saver = SessionSaver(url: scratch.session, lock: lock)
        try FileManager.default.removeItem(at: scratch.folder)
        saver.save(try scratch.snapshot("after the folder went"))
        saver.flush()
        #expect(saver.status == .saved)
        #expect(try SessionStore.read(scratch.session.path).questions[0].notes.map(\.text) == ["after the folder went"])
        #expect(lock.isIntact && SessionLock.isHeld(session: scratch.session.path), "the lock is held again where others look")
        #expect(throws: SessionLock.LockError.self) { _ = try SessionLock(session: scratch.session.path) }
    }

    @Test func aSaverWhoseLockWentToAnotherProgramStopsSaving() throws {
        let scratch = try Scratch()
        let lock = try SessionLock(session: scratch.session.path)
        let saver = SessionSaver(url: scratch.session, lock: lock)
        saver.save(try scratch.snapshot("first"))
        saver.flush()
        #expect(saver.status == .saved)
        // The lock file is deleted by hand, and a second program takes the session.
        unlink(scratch.lockFile)
        let other = try SessionLock(session: scratch.session.path)
        try SessionStore.writeAtomically(try scratch.snapshot("the other program's").encoded(), to: scratch.session)
        saver.save(try scratch.snapshot("second"))
        saver.flush()
        guard case .failed(let reason) = saver.status else {
            Issue.record("expected NOT SAVED, got \(saver.status)")
            return
        }
        #expect(reason.contains("another interview program now holds"))
        // Even once the other program is gone: it may have written since.
        other.release()
        saver.save(try scratch.snapshot("third"))
        saver.flush()
        #expect(saver.status != .saved)
        #expect(try SessionStore.read(scratch.session.path).questions[0].notes.map(\.text) == ["the other program's"])
        #expect(!FileManager.default.fileExists(atPath: scratch.lockFile) || !SessionLock.isHeld(session: scratch.session.path))
    }

    @Test func aRescueCopyGoesOnceItsSessionIsSavedAgain() throws {
        let scratch = try Scratch()
        let rescue = scratch.folder.deletingLastPathComponent().appendingPathComponent("interview-rescue-test-session.json")
        try SessionStore.writeAtomically(try scratch.snapshot("rescued").encoded(), to: rescue)
        let disk = SessionStoreTests.FullDisk()
        let lock = try SessionLock(session: scratch.session.path)
        let saver = SessionSaver(url: scratch.session, calls: disk.calls, lock: lock, replacing: rescue.path)
        saver.save(try scratch.snapshot("rescued, then more"))
        saver.flush()
        #expect(saver.status != .saved)
        #expect(FileManager.default.fileExists(atPath: rescue.path), "kept while its session is not saved")
        disk.full = false
        saver.save(try scratch.snapshot("rescued, then more"))
        saver.flush()
        #expect(saver.status == .saved)
        #expect(!FileManager.default.fileExists(atPath: rescue.path), "removed once the session is in its own file")
    }

    @Test func theDataFolderIsTightenedWithTheSessionsFolder() throws {
        let data = try Fixtures.temporaryFolder().appendingPathComponent("interview")
        let store = SessionStore(folder: data.appendingPathComponent("sessions"))
        try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
        chmod(data.path, 0o777)
        chmod(store.folder.path, 0o700)
        let notice = try #require(store.tightenFolder())
        #expect(notice == "the data folder \(data.path) was open to others (777): made it 0700")
        var info = stat()
        stat(data.path, &info)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(store.tightenFolder() == nil)
    }
}
