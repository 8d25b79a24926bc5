package org.rectify.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure of the database's availability (an outage, a restart) from a failure of the request. */
final class Outages {

    static final String CODE = "database-unavailable";
    static final String DETAIL = "数据库暂时不可用，操作未生效，请稍后重试";

    private Outages() {
    }

    /** True when the database could not be reached or went away mid-request: nothing was committed. */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            // the connection died under a transaction: its rollback (or commit) fails at the JDBC level and hides
            // the failure that started it
            if (cause instanceof TransactionSystemException tx
                    && (tx.getCause() instanceof SQLException || databaseUnavailable(tx.getApplicationException()))) {
                return true;
            }
            // 08: connection exceptions; 57P01..57P03: the server shuts down or is starting up
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** True when the database refused a character the request carried (a NUL character in a text). */
    static boolean refusedCharacter(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // 22021: invalid byte sequence (0x00); 22P05: untranslatable character (\u0000 in jsonb)
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
