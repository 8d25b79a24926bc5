【预警】${caseNumber} 临近整改时限

【预警】${caseNumber} ${title}
地点：${address}
责任单位：${leadUnitName}
整改时限：${deadlineText}，即将到期，请抓紧整改并提交整改材料。
