//! One policy for a poisoned lock: carry on with the data. The engine's in-memory state (the
//! live boards, the account cache, the ingest queue, the cooldown cache) is only ever changed
//! by whole steps that cannot fail half way, and all of it can be rebuilt from the database; a
//! task that panicked has already been reported by its runtime. Refusing every later request
//! because one panicked would turn one bug into an outage.

use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}
