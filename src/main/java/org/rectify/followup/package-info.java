/**
 * The reporter's follow-up (回访): when a public report's case is closed, its reporter is asked through an unguessable
 * link whether the problem is really fixed. Silence for the rule-set's days counts as satisfied; "not fixed" with a
 * photo goes to a supervisor's re-verification (复核), whose FAIL reopens the same case to its unit
 * ({@code processes/followup.bpmn}). The answers feed the satisfaction and reopen rates.
 */
package org.rectify.followup;
