package org.rectify.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data read once per transaction instead of once per use. One intake looks up its category, units and
 * calendar a dozen times across modules; each lookup was a round trip to the database, and round trips are what a
 * step costs on a busy machine. Nothing outlives the transaction, so no node ever holds data another node changed.
 * Outside a transaction every call loads afresh.
 */
public final class TransactionMemo {

    private TransactionMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> loader) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return loader.get();
        }
        Map<String, Object> memo = (Map<String, Object>) TransactionSynchronizationManager.getResource(TransactionMemo.class);
        if (memo == null) {
            Map<String, Object> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(TransactionMemo.class, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.class);
                }
            });
            memo = created;
        }
        if (memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        T value = loader.get();
        memo.put(key, value);
        return value;
    }

    /** Drops what this transaction remembered under the key: the data behind it has just been written. */
    @SuppressWarnings("unchecked")
    public static void forget(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Map<String, Object> memo = (Map<String, Object>) TransactionSynchronizationManager.getResource(TransactionMemo.class);
            if (memo != null) {
                memo.remove(key);
            }
        }
    }
}
