【催办】${caseNumber} 已到整改时限

【催办通知】${caseNumber} ${title}
地点：${address}
责任单位：${leadUnitName}
整改时限 ${deadlineText} 已到，问题仍未整改到位，请立即整改，逾期将下发督办令。
