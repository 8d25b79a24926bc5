【移交纪检】${caseNumber} ${title}

【移交纪检】${caseNumber} ${title}
责任单位：${leadUnitName}
移交原因：${reason}
原整改时限：${deadlineText}
请纪工委审查案卷并作出问责决定。
