您反映的问题已办结

您反映的“${title}”（编号 ${caseNumber}）已由${leadUnitName}整改完毕并经核查销号。<#if followupLink?has_content>问题是否真正解决？请点击 ${followupLink} 告诉我们（${followupDays}天内未回复视为满意）。</#if>
