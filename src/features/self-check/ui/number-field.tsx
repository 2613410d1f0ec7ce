import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { parseNumber, type NumberRule } from '../answer-checks';
import './question.scss';

/**
 * A number typed on the phone's number pad, taken as meant or refused with a reason: "12.5" stays
 * 12.5, "-5" and "3000" are refused with a message, never clamped. `onChange` gets a number or
 * undefined (empty); `onValidity` whether what is on screen can be kept.
 */
export function NumberField({
  label,
  value,
  rule,
  onChange,
  onValidity,
}: {
  label: string;
  value: number | undefined;
  rule: NumberRule;
  onChange: (value: number | undefined) => void;
  onValidity: (valid: boolean) => void;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [message, setMessage] = useState<string | null>(null);
  return (
    <View className='number-field'>
      <View className='number-field__row'>
        <Input
          className={`number-field__input ${message ? 'number-field__input--bad' : ''}`}
          type={rule.decimals ? 'digit' : 'number'}
          aria-label={label}
          placeholder='填数字'
          value={text}
          onInput={(e) => {
            const next = e.detail.value;
            setText(next);
            const parsed = parseNumber(next, rule);
            setMessage(parsed.ok ? null : parsed.message);
            onValidity(parsed.ok);
            if (parsed.ok) onChange(parsed.value);
          }}
        />
        <Text className='number-field__unit'>{rule.unit}</Text>
      </View>
      {message ? (
        <Text className='field-error'>
          {message}
        </Text>
      ) : null}
    </View>
  );
}
