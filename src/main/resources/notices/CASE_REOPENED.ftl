【重新交办】${caseNumber} 回访未解决

【重新交办】${caseNumber} ${title}
地点：${address}
报告人回访反映问题未解决，经督查组复核确认，现重新交办${leadUnitName}整改。
理由：${reason}
新整改时限：${deadlineText}
